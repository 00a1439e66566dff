import { defineMessages } from "../define.ts";

export const auth = defineMessages({}, {});
