import { defineMessages } from "../define.ts";

export const staff = defineMessages({}, {});
