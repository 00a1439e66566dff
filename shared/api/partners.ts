/** Partners as Customer Success manages them: the list, one partner's page, and its forms. */
import { z } from "zod";
import { COUNTRY_CODES } from "../domain/countries.ts";
import { LANGUAGES } from "../domain/languages.ts";
import { isIanaTimeZone } from "../domain/partners.ts";
import { text } from "../domain/text.ts";
import { pageOf, pageQuery, reference } from "./common.ts";
import { inviteUserBody, managedUser, pendingInvitation } from "./people.ts";

const instant = z.iso.datetime({ offset: true });

export const partner = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** ISO 3166-1 alpha-2. */
    country: z.string(),
    /** IANA time zone in which the partner's accounts expire. */
    timeZone: z.string(),
    /** The language of e-mails to the partner's people until each chooses their own. */
    defaultLanguage: z.enum(LANGUAGES),
    /** A suspended partner's people cannot sign in; nothing of the partner is removed. */
    status: z.enum(["active", "suspended"]),
    suspendedAt: instant.nullable(),
    createdAt: instant,
    /** People of the partner who can sign in (not deactivated). */
    userCount: z.int(),
    accountCount: z.int(),
  })
  .meta({ id: "Partner" });
export type Partner = z.infer<typeof partner>;

export const partnerPage = pageOf(partner).meta({ id: "PartnerPage" });
export type PartnerPage = z.infer<typeof partnerPage>;

export const partnerListQuery = z.object({
  q: text().trim().max(100, "Keep the search within 100 characters").optional(),
  status: z.enum(["active", "suspended"]).optional(),
  ...pageQuery,
});
export type PartnerListQuery = z.infer<typeof partnerListQuery>;

/** What Customer Success sets when creating a partner, and changes later. */
export const partnerBody = z
  .strictObject({
    name: text("name", "Name the partner")
      .trim()
      .min(1, "Name the partner")
      .max(120, "Keep the name within 120 characters"),
    country: z
      .string("Choose a country")
      .refine((code) => COUNTRY_CODES.includes(code), "Choose a country from the list"),
    timeZone: z
      .string("Choose a time zone")
      .refine(isIanaTimeZone, "Choose a time zone from the list, e.g. Europe/Madrid"),
    defaultLanguage: z.enum(LANGUAGES, "Choose English or Spanish"),
  })
  .meta({ id: "PartnerChange" });
export type PartnerBody = z.infer<typeof partnerBody>;

export const partnerAccount = z
  .object({
    id: z.uuid(),
    name: z.string(),
    licence: reference,
    status: z.enum(["active", "expired"]),
    endsOn: z.iso.date(),
  })
  .meta({ id: "PartnerAccount" });
export type PartnerAccount = z.infer<typeof partnerAccount>;

export const partnerDetail = partner
  .extend({
    /** Active first, by name, with their last sign-in. */
    users: z.array(managedUser),
    /** Oldest first; expired ones too, flagged, until they are sent again or revoked. */
    invitations: z.array(pendingInvitation),
    accounts: z.array(partnerAccount),
  })
  .meta({ id: "PartnerDetail" });
export type PartnerDetail = z.infer<typeof partnerDetail>;

/** Whom to invite: a name, an address, and the language of the e-mail (the default otherwise). */
export const invitePersonBody = inviteUserBody
  .pick({ name: true, email: true })
  .extend({ language: z.enum(LANGUAGES, "Choose English or Spanish").optional() })
  .meta({ id: "InvitePerson" });
export type InvitePersonBody = z.infer<typeof invitePersonBody>;
