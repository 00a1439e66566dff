import type { MailboxMessage, MailboxPage, MailboxQuery } from "@shared/api/lifecycle.ts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { mailKeys } from "./keys.ts";

/** Mail delivered to the in-app mailbox (no SMTP server configured), newest first. */
const getMailbox = (query: MailboxQuery, signal?: AbortSignal): Promise<MailboxPage> =>
  api<MailboxPage>("/api/v1/mailbox", { query, signal });

const mailboxQueryOptions = (query: MailboxQuery) =>
  queryOptions({
    queryKey: mailKeys.mailbox(query),
    queryFn: ({ signal }) => getMailbox(query, signal),
    placeholderData: keepPreviousData,
  });

export function useMailbox(query: MailboxQuery) {
  return useQuery(mailboxQueryOptions(query));
}

const getMailboxMessage = (id: string, signal?: AbortSignal): Promise<MailboxMessage> =>
  api<MailboxMessage>(`/api/v1/mailbox/${encodeURIComponent(id)}`, { signal });

const mailboxMessageQueryOptions = (id: string) =>
  queryOptions({
    queryKey: mailKeys.message(id),
    queryFn: ({ signal }) => getMailboxMessage(id, signal),
    // A delivered message never changes.
    staleTime: Number.POSITIVE_INFINITY,
    // The reader says it could not open the message itself.
    meta: { handlesErrors: true },
  });

export function useMailboxMessage(id: string) {
  return useQuery(mailboxMessageQueryOptions(id));
}
