import { defineMessages } from "../define.ts";

export const testClock = defineMessages({}, {});
