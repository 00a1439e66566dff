import { z } from "zod";
import { plainText, text } from "../domain/text.ts";
import { pageOf, pageQuery, reference } from "./common.ts";

const ACCOUNT_SORTS = ["name", "customerName", "endsOn", "datapointsLeft", "licence"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export const accountListQuery = z.object({
  zone: z.enum(["active", "expired"]).default("active"),
  q: text().trim().max(100, "Keep the search within 100 characters").optional(),
  licenceId: z.uuid().optional(),
  sort: z.enum(ACCOUNT_SORTS).default("endsOn"),
  order: z.enum(["asc", "desc"]).default("asc"),
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

export const accountPage = pageOf(accountSummary).meta({ id: "AccountPage" });
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

export const zoneAccountPage = pageOf(zoneAccount).meta({ id: "ZoneAccountPage" });
export type ZoneAccountPage = z.infer<typeof zoneAccountPage>;
