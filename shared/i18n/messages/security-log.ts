import { defineMessages } from "../define.ts";

export const securityLog = defineMessages({}, {});
