import { defineMessages } from "../define.ts";

export const accounts = defineMessages({}, {});
