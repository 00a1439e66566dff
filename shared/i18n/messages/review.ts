import { defineMessages } from "../define.ts";

export const review = defineMessages({}, {});
