import { defineMessages } from "../define.ts";

export const profile = defineMessages({}, {});
