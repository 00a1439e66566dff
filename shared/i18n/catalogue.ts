/** Every area's messages as one catalogue; the web app and the server's e-mails read this same one. */
import { mergeMessages } from "./define.ts";
import { accounts } from "./messages/accounts.ts";
import { apiKeys } from "./messages/api-keys.ts";
import { app } from "./messages/app.ts";
import { auth } from "./messages/auth.ts";
import { catalogue as licenceCatalogue } from "./messages/catalogue.ts";
import { common } from "./messages/common.ts";
import { domain } from "./messages/domain.ts";
import { mail } from "./messages/mail.ts";
import { mailbox } from "./messages/mailbox.ts";
import { partners } from "./messages/partners.ts";
import { people } from "./messages/people.ts";
import { profile } from "./messages/profile.ts";
import { review } from "./messages/review.ts";
import { securityLog } from "./messages/security-log.ts";
import { staff } from "./messages/staff.ts";
import { testClock } from "./messages/test-clock.ts";
import { usage } from "./messages/usage.ts";
import { validation } from "./messages/validation.ts";
import { webhooks } from "./messages/webhooks.ts";

export const catalogue = mergeMessages(
  common,
  domain,
  mail,
  app,
  auth,
  profile,
  accounts,
  review,
  usage,
  mailbox,
  testClock,
  people,
  partners,
  staff,
  securityLog,
  licenceCatalogue,
  apiKeys,
  validation,
  webhooks,
);

export type MessageKey = keyof (typeof catalogue)["en"];

/** Values a message is filled with: names, counts, dates already written out, choices. */
export type MessageValues = Record<string, string | number>;

/** Writes a message of the catalogue in one language, its numbers, dates and plurals by its locale. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;
