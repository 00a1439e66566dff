import { z } from "zod";

export const me = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    /** SuperAdmins manage the partner's portfolio; account users see the accounts granted to them. */
    role: z.enum(["customer_success", "superadmin", "account_user"]),
    partner: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }).nullable(),
  })
  .meta({ id: "Me" });

export type Me = z.infer<typeof me>;
