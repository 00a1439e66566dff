import { defineMessages } from "../define.ts";

export const app = defineMessages({}, {});
