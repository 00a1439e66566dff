import { defineMessages } from "../define.ts";

export const mailbox = defineMessages({}, {});
