import { defineMessages } from "../define.ts";

export const catalogue = defineMessages({}, {});
