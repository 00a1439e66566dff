/** Signing in, changing and resetting one's password: what the web app sends to /api/auth. */
import { z } from "zod";
import { text } from "../domain/text.ts";

/** better-auth refuses passwords outside these lengths (server/auth/better-auth.ts). */
export const PASSWORD_LENGTH = { min: 10, max: 128 } as const;

const newPassword = z
  .string()
  .min(PASSWORD_LENGTH.min, `At least ${PASSWORD_LENGTH.min} characters`)
  .max(PASSWORD_LENGTH.max, `At most ${PASSWORD_LENGTH.max} characters`);

/**
 * `POST /api/auth/change-password`. Changing one's password always ends the user's other sessions;
 * the session that changed it gets a new cookie.
 */
export const passwordChange = z
  .strictObject({
    currentPassword: z.string().min(1, "Type your current password").max(PASSWORD_LENGTH.max),
    newPassword,
  })
  .meta({ id: "PasswordChange" });

export type PasswordChange = z.infer<typeof passwordChange>;

/** `POST /api/auth/sign-in/email`: the e-mail and password, nothing else. */
export const signInRequest = z.strictObject({
  email: text("line", "Type your e-mail").min(1, "Type your e-mail").max(320),
  password: z.string().min(1, "Type your password").max(PASSWORD_LENGTH.max),
});

/**
 * The answer to signing in: who signed in (better-auth's user, with more members than these). The
 * session is in the HttpOnly cookie only; its token is taken out of the answer.
 */
export const signedIn = z
  .looseObject({
    redirect: z.boolean(),
    user: z.looseObject({ id: z.string(), name: z.string(), email: z.string() }),
  })
  .meta({ id: "SignedIn" });

/** The answer to signing out: the session has ended and its cookie is cleared. */
export const signedOut = z.looseObject({ success: z.boolean() }).meta({ id: "SignedOut" });

/** The answer to a password change: who changed it. The new session is in the cookie only. */
export const passwordChanged = z
  .object({ user: z.object({ id: z.string(), name: z.string(), email: z.string() }) })
  .meta({ id: "PasswordChanged" });

/** `POST /api/auth/request-password-reset`: where to send the link, if it is someone's address. */
export const passwordResetRequest = z
  .strictObject({ email: z.email("Type your e-mail address").max(320) })
  .meta({ id: "PasswordResetRequest" });
export type PasswordResetRequest = z.infer<typeof passwordResetRequest>;

/** The same answer whether or not the address belongs to anyone: it tells nobody who has an account. */
export const passwordResetRequested = z
  .object({ status: z.literal(true), message: z.string() })
  .meta({ id: "PasswordResetRequested" });

/** `POST /api/auth/reset-password`: the token from the e-mailed link and the new password. */
export const passwordReset = z
  .strictObject({
    token: z.string().min(1, "Open the link from the e-mail").max(200),
    newPassword,
  })
  .meta({ id: "PasswordReset" });
export type PasswordReset = z.infer<typeof passwordReset>;

/** Done: the user signs in with the new password; every session they had has ended. */
export const passwordResetDone = z
  .object({ status: z.literal(true) })
  .meta({ id: "PasswordResetDone" });
