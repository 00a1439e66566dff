/**
 * Sign-in, sessions and sign-in rate limits come from better-auth: sessions live in the database so
 * any instance can serve a user; passwords are hashed with scrypt; cookies are HttpOnly and SameSite.
 * Accounts are created by the demo seed and by administrators, never by self sign-up.
 *
 * Ours on top: failed sign-ins throttled per account and per address (a plugin,
 * ./sign-in-throttle.ts); better-auth's own per-address limit stays as a flood ceiling; sessions end
 * when idle (better-auth's sliding expiry) and at an absolute lifetime (./session-lifetime.ts);
 * pages at this machine's own addresses are trusted origins as well as PUBLIC_URL (./origins.ts);
 * the password reset e-mail and its security log entries (./password-reset.ts).
 */

import type { IncomingHttpHeaders } from "node:http";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { getSessionCookie } from "better-auth/cookies";
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyBaseLogger } from "fastify";
import { PASSWORD_LENGTH } from "../../shared/api/session.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { PASSWORD_RESET_VALID_SECONDS } from "../../shared/domain/people.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { credentials, rateLimits, sessions, users, verifications } from "../db/schema/index.ts";
import { appOrigins } from "./origins.ts";
import { mailPasswordReset, recordPasswordReset } from "./password-reset.ts";
import { signInRefusal } from "./sign-in-refusal.ts";
import { createSignInThrottle, signInThrottle } from "./sign-in-throttle.ts";

/** Our cookies' names start with it: `wattfolio.session_token`. */
const COOKIE_PREFIX = "wattfolio";

/** Set by the server from the connection (or a trusted proxy); a header clients cannot forge. */
export const CLIENT_IP_HEADER = "x-wattfolio-client-ip";

export function createAuth({
  db,
  config,
  clock,
  secret,
  log,
}: {
  db: Database;
  config: Config;
  /** The app's clock, for the sign-in throttle; sessions follow the wall clock. */
  clock: Clock;
  secret: string;
  log: FastifyBaseLogger;
}) {
  return betterAuth({
    logger: {
      log: (level, message) => log[level](message),
    },
    appName: "Wattfolio",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret,
    trustedOrigins: appOrigins(config),
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: credentials,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_LENGTH.min,
      maxPasswordLength: PASSWORD_LENGTH.max,
      // The link leads to our page, not better-auth's redirect (./password-reset.ts).
      sendResetPassword: ({ user, token }, request) =>
        mailPasswordReset({
          db,
          clock,
          publicUrl: config.publicUrl,
          userId: user.id,
          token,
          address: request?.headers.get(CLIENT_IP_HEADER) ?? null,
        }),
      resetPasswordTokenExpiresIn: PASSWORD_RESET_VALID_SECONDS,
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: ({ user }, request) =>
        recordPasswordReset({
          db,
          clock,
          userId: user.id,
          address: request?.headers.get(CLIENT_IP_HEADER) ?? null,
        }),
    },
    // Reset tokens are kept as their SHA-256: a copy of the table opens no account.
    verification: { storeIdentifier: "hashed" },
    user: {
      additionalFields: {
        role: { type: "string", required: true, input: false },
        partnerId: { type: "string", required: false, input: false },
        isSuperAdmin: { type: "boolean", required: true, input: false },
        language: { type: "string", required: true, input: false },
        deactivatedAt: { type: "date", required: false, input: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // Deactivated users and users of a suspended partner get no session.
          before: async (session) => {
            const refusal = await signInRefusal(db, session.userId);
            if (refusal) throw new APIError("FORBIDDEN", { message: refusal });
          },
        },
      },
    },
    session: {
      expiresIn: config.sessions.idleSeconds,
      // How often a session in use is moved forward: often enough to keep the idle timeout close.
      updateAge: Math.max(1, Math.min(5 * 60, Math.floor(config.sessions.idleSeconds / 4))),
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: config.signIn.requestsPerMinute } },
    },
    advanced: {
      useSecureCookies: config.publicUrl.startsWith("https://"),
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      cookiePrefix: COOKIE_PREFIX,
      // A session and its user in one query, not two: every signed-in request reads them.
      database: { joins: true },
    },
    plugins: [signInThrottle(createSignInThrottle(db, clock, config.signIn), CLIENT_IP_HEADER)],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Whether a request carries a session cookie, live or not: whether it is worth asking whose. */
export function carriesSessionCookie(headers: IncomingHttpHeaders): boolean {
  return getSessionCookie(fromNodeHeaders(headers), { cookiePrefix: COOKIE_PREFIX }) !== null;
}
