/** A language's messages, parsed at build time (scripts/messages-by-language.ts). */
declare module "virtual:messages/*" {
  import type { MessageKey } from "@shared/i18n/catalogue.ts";
  import type { MessageFormatElement } from "react-intl";

  export type Messages = Record<MessageKey, MessageFormatElement[]>;
  const messages: Messages;
  export default messages;
}
