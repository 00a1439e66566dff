/** Everyone's own profile and sessions: `/api/v1/me/profile` and `/api/v1/me/sessions`. */
import { z } from "zod";
import { LANGUAGES } from "../domain/languages.ts";
import { text } from "../domain/text.ts";

export const profile = z
  .object({
    name: z.string(),
    email: z.string(),
    /** The language of the e-mails Wattfolio sends them. */
    language: z.enum(LANGUAGES),
  })
  .meta({ id: "Profile" });
export type Profile = z.infer<typeof profile>;

export const profileUpdate = z
  .strictObject({
    name: text("line", "Type your name")
      .trim()
      .min(1, "Type your name")
      .max(100, "Keep your name within 100 characters"),
    language: z.enum(LANGUAGES, "Choose English or Spanish"),
  })
  .meta({ id: "ProfileUpdate" });
export type ProfileUpdate = z.infer<typeof profileUpdate>;

/** One signed-in browser or device of the user; its token never leaves the cookie. */
export const userSession = z
  .object({
    id: z.string(),
    signedInAt: z.iso.datetime({ offset: true }),
    /** When it was last used, to within a few minutes. */
    lastActiveAt: z.iso.datetime({ offset: true }),
    /** The client address it signed in from. */
    address: z.string().nullable(),
    /** Browser and system, e.g. "Firefox on Windows"; "Unknown client" when it did not say. */
    client: z.string(),
    /** The session of this request. */
    current: z.boolean(),
  })
  .meta({ id: "UserSession" });
export type UserSession = z.infer<typeof userSession>;

export const userSessions = z.object({ items: z.array(userSession) }).meta({ id: "UserSessions" });
export type UserSessions = z.infer<typeof userSessions>;

export const otherSessionsEnded = z
  .object({ ended: z.int().min(0) })
  .meta({ id: "OtherSessionsEnded" });
export type OtherSessionsEnded = z.infer<typeof otherSessionsEnded>;
