import { z } from "zod";
import { LANGUAGES } from "../domain/languages.ts";

export const me = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    /** SuperAdmins manage the partner's portfolio; account users see the accounts granted to them. */
    role: z.enum(["customer_success", "superadmin", "account_user"]),
    /** The language of the web app and of their e-mails, from their profile. */
    language: z.enum(LANGUAGES),
    partner: z
      .object({
        id: z.uuid(),
        name: z.string(),
        timeZone: z.string(),
        /** ISO 3166-1 alpha-2: where the partner is, and where its new accounts start. */
        country: z.string(),
      })
      .nullable(),
    /**
     * The server runs with a test clock (TEST_CLOCK=1) that this user may move forward: only ever
     * true for Customer Success.
     */
    testClock: z.boolean(),
  })
  .meta({ id: "Me" });

export type Me = z.infer<typeof me>;
