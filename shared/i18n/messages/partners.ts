import { defineMessages } from "../define.ts";

export const partners = defineMessages({}, {});
