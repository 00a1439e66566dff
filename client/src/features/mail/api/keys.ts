import type { QueryParams } from "../../../lib/api.ts";

const all = ["mail"] as const;
const mailbox = [...all, "mailbox"] as const;

/** The mailbox and the outbox; `all` is what a delivery in the background may change. */
export const mailKeys = {
  all,
  mailbox: (query: QueryParams) => [...mailbox, "list", query] as const,
  message: (id: string) => [...mailbox, "message", id] as const,
  outbox: (query: QueryParams) => [...all, "outbox", query] as const,
};
