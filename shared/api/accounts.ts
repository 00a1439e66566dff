import { z } from "zod";
import { decodeCursor } from "../domain/cursor.ts";
import { plainText, text } from "../domain/text.ts";
import { keysetPageOf, pageQuery, reference } from "./common.ts";

const ACCOUNT_SORTS = ["name", "customerName", "endsOn", "datapointsLeft", "licence"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

/**
 * Where a page of a zone starts or ends: the sort it belongs to, the sort key of an account (the
 * lowercased name or customer, the end date, the datapoints left, the licence's id) and its id.
 */
export interface AccountCursor {
  sort: AccountSort;
  key: string;
  id: string;
}

const uuid = z.uuid();
/** What the database takes as each sort's key; anything else is not a cursor this list gave. */
const CURSOR_KEYS: Record<AccountSort, (key: string) => boolean> = {
  name: (key) => key.length <= 500 && !key.includes("\0"),
  customerName: (key) => key.length <= 500 && !key.includes("\0"),
  endsOn: (key) => {
    const day = new Date(key);
    return (
      /^\d{4}-\d{2}-\d{2}$/.test(key) &&
      key >= "0001-01-01" &&
      !Number.isNaN(day.getTime()) &&
      day.toISOString().slice(0, 10) === key
    );
  },
  datapointsLeft: (key) => /^-?\d{1,10}$/.test(key) && Math.abs(Number(key)) <= 2 ** 31 - 1,
  licence: (key) => uuid.safeParse(key).success,
};

export function readAccountCursor(cursor: string): AccountCursor | null {
  const [sort, key, id] = decodeCursor(cursor, 3) ?? [];
  const known = ACCOUNT_SORTS.find((name) => name === sort);
  if (!known || key === undefined || !CURSOR_KEYS[known](key)) return null;
  return id !== undefined && uuid.safeParse(id).success ? { sort: known, key, id } : null;
}

const accountCursor = z
  .string()
  .max(2000)
  .refine((cursor) => readAccountCursor(cursor) !== null, "Not a cursor this list gave");

export const accountListQuery = z.object({
  zone: z.enum(["active", "expired"]).default("active"),
  q: text().trim().max(100, "Keep the search within 100 characters").optional(),
  licenceId: z.uuid().optional(),
  sort: z.enum(ACCOUNT_SORTS).default("endsOn"),
  order: z.enum(["asc", "desc"]).default("asc"),
  /** A page's `next`: the page after it, whatever was added or removed meanwhile (`page` is then ignored). */
  after: accountCursor.optional(),
  /** A page's `previous`: the page before it (`page` is then ignored). */
  before: accountCursor.optional(),
  ...pageQuery,
});
export type AccountListQuery = z.infer<typeof accountListQuery>;

const accountSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    customerName: z.string(),
    country: z.string(),
    sector: reference,
    licence: reference,
    billManagementType: reference.nullable(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    status: z.enum(["active", "expired"]),
    /** Days until the end date: 0 on the day it expires, negative once expired. */
    daysLeft: z.int(),
    datapoints: z.object({ contracted: z.int(), used: z.int(), left: z.int() }),
    rtmMeters: z.int(),
    additionalPods: z.int(),
    smsCredits: z.int(),
    rtcLines: z.int(),
  })
  .meta({ id: "AccountSummary" });
export type AccountSummary = z.infer<typeof accountSummary>;

export const accountDetail = accountSummary
  .extend({
    partner: reference,
    emailDomain: z.string().nullable(),
    /** Who besides the SuperAdmins receives the expiry reminders and renewal notices. */
    billingContactEmail: z.string().nullable(),
    comment: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "AccountDetail" });
export type AccountDetail = z.infer<typeof accountDetail>;

/** The billing contact is not a commercial change: a SuperAdmin sets it (or clears it, null) directly. */
export const billingContactBody = z
  .strictObject({
    email: z
      .email("Enter an e-mail address such as billing@customer.example")
      .check(plainText())
      .max(254, "Keep the address within 254 characters")
      .nullable(),
  })
  .meta({ id: "BillingContact" });
export type BillingContactBody = z.infer<typeof billingContactBody>;

export const accountPage = keysetPageOf(accountSummary).meta({ id: "AccountPage" });
export type AccountPage = z.infer<typeof accountPage>;

/**
 * A row of Account management's Active and Expired zones. Only SuperAdmins read it: account users
 * see no applications, so the home list's AccountSummary carries no count of them.
 */
const zoneAccount = accountSummary
  .extend({
    /** Pending applications that would change the account (a move counts on both ends). */
    pendingApplications: z.int().nonnegative(),
  })
  .meta({ id: "ZoneAccount" });
export type ZoneAccount = z.infer<typeof zoneAccount>;

export const zoneAccountPage = keysetPageOf(zoneAccount).meta({ id: "ZoneAccountPage" });
export type ZoneAccountPage = z.infer<typeof zoneAccountPage>;
