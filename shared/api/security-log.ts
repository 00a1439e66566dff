/** The security log as the API serves it: `GET /api/v1/security-log`, newest first. */
import { z } from "zod";
import { SECURITY_EVENT_KINDS } from "../domain/security-log.ts";
import { reference } from "./common.ts";

export const securityEvent = z
  .object({
    /** Increasing: a later event has a larger id. */
    id: z.int(),
    at: z.iso.datetime({ offset: true }),
    kind: z.enum(SECURITY_EVENT_KINDS),
    /** Who did it; null for the command line and for failed sign-ins. */
    actor: reference.nullable(),
    /** Whose business it is; null for the platform's own (staff, catalogue, test clock). */
    partner: reference.nullable(),
    /** What it was done to, in words: an e-mail address, a key's name. */
    subject: z.string().nullable(),
    /** The client address of the request. */
    address: z.string().nullable(),
    /** What changed: `before` and `after` where there was a before, else the facts of the event. */
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "SecurityEvent" });
export type SecurityEvent = z.infer<typeof securityEvent>;

export const SECURITY_LOG_PAGE = { default: 50, max: 200 } as const;

export const securityLogQuery = z.object({
  kind: z.enum(SECURITY_EVENT_KINDS).optional(),
  /** Customer Success only: one partner's events. A SuperAdmin always sees their partner's. */
  partnerId: z.uuid("Not a valid partner id").optional(),
  /** One person's doings: a user id. */
  actor: z.string().min(1).max(100).optional(),
  /** The `next` of the previous page: events older than it. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(SECURITY_LOG_PAGE.max)
    .default(SECURITY_LOG_PAGE.default),
});
export type SecurityLogQuery = z.input<typeof securityLogQuery>;

export const securityLogPage = z
  .object({
    items: z.array(securityEvent),
    /** Pass as `before` for the next, older page; null on the last page. */
    next: z.int().nullable(),
  })
  .meta({ id: "SecurityLogPage" });
export type SecurityLogPage = z.infer<typeof securityLogPage>;
