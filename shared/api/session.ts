/** Signing in and changing one's password: what the web app sends to /api/auth. */
import { z } from "zod";
import { text } from "../domain/text.ts";

/** better-auth refuses passwords outside these lengths (server/auth/better-auth.ts). */
export const PASSWORD_LENGTH = { min: 10, max: 128 } as const;

/**
 * `POST /api/auth/change-password`. Changing one's password always ends the user's other sessions;
 * the session that changed it gets a new cookie.
 */
export const passwordChange = z
  .strictObject({
    currentPassword: z.string().min(1, "Type your current password").max(PASSWORD_LENGTH.max),
    newPassword: z
      .string()
      .min(PASSWORD_LENGTH.min, `At least ${PASSWORD_LENGTH.min} characters`)
      .max(PASSWORD_LENGTH.max, `At most ${PASSWORD_LENGTH.max} characters`),
  })
  .meta({ id: "PasswordChange" });

export type PasswordChange = z.infer<typeof passwordChange>;

/** `POST /api/auth/sign-in/email`: the e-mail and password, nothing else. */
export const signInRequest = z.strictObject({
  email: text("line", "Type your e-mail").min(1, "Type your e-mail").max(320),
  password: z.string().min(1, "Type your password").max(PASSWORD_LENGTH.max),
});

/** The answer to a password change: who changed it. The new session is in the cookie only. */
export const passwordChanged = z
  .object({ user: z.object({ id: z.string(), name: z.string(), email: z.string() }) })
  .meta({ id: "PasswordChanged" });
