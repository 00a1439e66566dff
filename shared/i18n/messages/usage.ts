import { defineMessages } from "../define.ts";

export const usage = defineMessages({}, {});
