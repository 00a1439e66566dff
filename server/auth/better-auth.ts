/**
 * Sign-in, sessions and sign-in rate limits come from better-auth: sessions live in the database so
 * any instance can serve a user; passwords are hashed with scrypt; cookies are HttpOnly and SameSite.
 * Accounts are created by the demo seed and by administrators, never by self sign-up.
 */
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { credentials, rateLimits, sessions, users, verifications } from "../db/schema/index.ts";

/** Set by the server from the connection (or a trusted proxy); a header clients cannot forge. */
export const CLIENT_IP_HEADER = "x-wattfolio-client-ip";

export function createAuth(db: Database, config: Config, secret: string, log: FastifyBaseLogger) {
  return betterAuth({
    logger: {
      log: (level, message) => log[level](message),
    },
    appName: "Wattfolio",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret,
    trustedOrigins: [config.publicUrl],
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
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    user: {
      additionalFields: {
        role: { type: "string", required: true, input: false },
        partnerId: { type: "string", required: false, input: false },
        isSuperAdmin: { type: "boolean", required: true, input: false },
        language: { type: "string", required: true, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: config.loginAttemptsPerMinute } },
    },
    advanced: {
      useSecureCookies: config.publicUrl.startsWith("https://"),
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      cookiePrefix: "wattfolio",
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
