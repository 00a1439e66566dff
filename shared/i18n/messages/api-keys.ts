import { defineMessages } from "../define.ts";

export const apiKeys = defineMessages({}, {});
