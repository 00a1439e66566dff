/**
 * Puts the better-auth endpoints the web app uses behind /api/auth (signing in, signing out,
 * changing one's password, resetting a forgotten one; every other one answers 404), records
 * sign-ins and password changes in the security log, resolves the session cookie (people) or
 * the API key (integrations) of every API request into the caller, holds each API key to its
 * request limit, and refuses cookie-authenticated changes that come from another site.
 */

import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  passwordChange,
  passwordChanged,
  passwordReset,
  passwordResetDone,
  passwordResetRequest,
  passwordResetRequested,
  signedIn,
  signedOut,
  signInRequest,
} from "../../shared/api/session.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { languageOf } from "../../shared/domain/languages.ts";
import type { Actor, IntegrationActor } from "../access/actor.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { codeForStatus, Problem, problemDocument } from "../errors.ts";
import type { ApiKeyRequestLimit } from "./api-key-request-limit.ts";
import type { KeyVerifier } from "./api-key-verifier.ts";
import { type Auth, CLIENT_IP_HEADER } from "./better-auth.ts";
import { appOrigins } from "./origins.ts";
import { forgetPasswordResets } from "./password-reset.ts";
import { type LiveSession, sessionReader } from "./session-lifetime.ts";
import { recordPasswordChanged, recordSignIn } from "./sign-in-log.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface AuthDependencies {
  auth: Auth;
  keys: KeyVerifier;
  requestLimit: ApiKeyRequestLimit;
  db: Database;
  config: Config;
  /** The app's clock, for the security log's times. */
  clock: Clock;
}

export function registerAuth(app: FastifyInstance, deps: AuthDependencies): void {
  const { auth, keys, requestLimit, db, config, clock } = deps;
  const origins = new Set(appOrigins(config));
  const liveSession = sessionReader(auth, db, config.sessions);

  app.decorateRequest("actor", null);

  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    refuseCrossSiteChange(request, origins, config.publicUrl);
    if (request.url.startsWith("/api/auth/")) return;
    const authorization = request.headers.authorization;
    if (authorization === undefined) {
      request.actor = actorOf(await liveSession(request, reply));
      return;
    }
    const integration = await integrationOf(keys, authorization);
    await holdToLimit(requestLimit, integration, reply);
    request.actor = integration;
  });

  const forward = (body?: unknown) => (request: FastifyRequest, reply: FastifyReply) =>
    forwardToBetterAuth(auth, config, request, reply, body ?? request.body);
  const route = app.withTypeProvider<ZodTypeProvider>();
  route.post(
    "/api/auth/sign-in/email",
    {
      schema: {
        operationId: "signInWithEmail",
        errors: ["UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED"],
        tags: ["session"],
        summary: "Sign in with e-mail and password: the session is set as an HttpOnly cookie",
        description:
          "Wrong credentials answer 401, a deactivated user or a suspended partner 403, too many failed attempts 429 with `Retry-After`.",
        security: [],
        body: signInRequest,
        response: { 200: signedIn },
      },
    },
    async (request, reply) => {
      const attempt = { email: request.body.email, address: request.ip };
      let answer: Forwarded;
      try {
        answer = await forward()(request, reply);
      } catch (error) {
        // Wrong credentials (401), a refused person (403) or a throttled guess (429), which a
        // SuperAdmin watching for an attack needs to see most; bad requests are not attempts.
        if (
          error instanceof Problem &&
          (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN")
        ) {
          await recordSignIn(db, clock, { ...attempt, refusal: error.message });
        }
        if (error instanceof Problem && error.code === "RATE_LIMITED") {
          await recordSignIn(db, clock, { ...attempt, refusal: "throttled" });
        }
        throw error;
      }
      await recordSignIn(db, clock, { ...attempt, refusal: null });
      return send(reply, answer);
    },
  );
  route.post(
    "/api/auth/sign-out",
    {
      schema: {
        operationId: "signOut",
        tags: ["session"],
        summary: "Sign out: this session ends and its cookie is cleared",
        response: { 200: signedOut },
      },
    },
    // Signing out reads nothing from the body: whatever was sent (a 20,000-deep array, say)
    // stays here rather than being serialised again for better-auth.
    async (request, reply) => send(reply, await forward({})(request, reply)),
  );
  route.post(
    "/api/auth/request-password-reset",
    {
      schema: {
        operationId: "requestPasswordReset",
        errors: ["RATE_LIMITED"],
        tags: ["session"],
        summary: "E-mail a link to choose a new password",
        description:
          "The link works once, for an hour. The answer is the same whether or not the address belongs to someone.",
        security: [],
        body: passwordResetRequest,
        response: { 200: passwordResetRequested, 400: problemDocument, 429: problemDocument },
      },
    },
    async (request, reply) => send(reply, await forward()(request, reply)),
  );
  route.post(
    "/api/auth/reset-password",
    {
      schema: {
        operationId: "resetPassword",
        tags: ["session"],
        summary: "Choose a new password with the e-mailed link's token; every session ends",
        description:
          "The token works once and for an hour. The user then signs in with the new password.",
        security: [],
        body: passwordReset,
        response: { 200: passwordResetDone, 400: problemDocument },
      },
    },
    async (request, reply) => {
      try {
        return send(reply, await forward()(request, reply));
      } catch (error) {
        if (error instanceof Problem && error.code === "BAD_REQUEST") {
          throw new Problem(
            "BAD_REQUEST",
            "This link has been used or has expired. Ask for a new one.",
          );
        }
        throw error;
      }
    },
  );
  route.post(
    "/api/auth/change-password",
    {
      schema: {
        operationId: "changePassword",
        errors: ["UNAUTHENTICATED"],
        tags: ["session"],
        summary: "Change one's password; the user's other sessions end",
        description:
          "Answers with a new session cookie for this browser; every other session of the user is signed out.",
        body: passwordChange,
        response: { 200: passwordChanged, 400: problemDocument, 401: problemDocument },
      },
      // The absolute lifetime applies here too: better-auth checks only the idle timeout. And a
      // session that outlived its user's deactivation or its partner's suspension (created just
      // before) changes nothing, as it reaches nothing else (actorOf).
      preHandler: async (request, reply) => {
        if (actorOf(await liveSession(request, reply)) === null) {
          throw new Problem("UNAUTHENTICATED", "Sign in to change your password.");
        }
      },
    },
    async (request, reply) => {
      const answer = await forward({ ...request.body, revokeOtherSessions: true })(request, reply);
      const changed = passwordChanged.safeParse(answer.body);
      if (changed.success) {
        // A reset link asked for before (perhaps by someone else) would undo the change.
        await forgetPasswordResets(db, { userId: changed.data.user.id });
        await recordPasswordChanged(db, clock, {
          userId: changed.data.user.id,
          address: request.ip,
        });
      }
      return send(reply, answer);
    },
  );
}

/**
 * Browsers say where a request comes from (Sec-Fetch-Site, Origin); a change that carries our
 * session cookie but comes from a page that is not ours is refused, and so is signing in from one
 * (which would sign the browser into someone else's account). Other clients without cookies carry
 * no session.
 */
function refuseCrossSiteChange(
  request: FastifyRequest,
  origins: ReadonlySet<string>,
  publicUrl: string,
): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (!request.headers.cookie && !request.url.startsWith("/api/auth/sign-in/")) return;
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    throw new Problem("CROSS_SITE_REQUEST", "Changes must come from the Wattfolio web app.");
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !origins.has(origin)) {
    throw new Problem("CROSS_SITE_REQUEST", `Changes must come from ${new URL(publicUrl).origin}.`);
  }
}

/** An integration's API key, sent as `Authorization: Bearer <secret>`; anything else is refused. */
async function integrationOf(keys: KeyVerifier, authorization: string): Promise<IntegrationActor> {
  const [scheme, secret, ...rest] = authorization.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== "bearer" || !secret || rest.length > 0) {
    throw new Problem("UNAUTHENTICATED", "Send the API key as: Authorization: Bearer <secret>.");
  }
  const integration = await keys.verify(secret);
  if (!integration) {
    throw new Problem("UNAUTHENTICATED", "This API key is not valid, or it was revoked.");
  }
  return integration;
}

/** Counts the request against its key's limit and says so in `RateLimit-*` headers; past it, 429. */
async function holdToLimit(
  limit: ApiKeyRequestLimit,
  integration: IntegrationActor,
  reply: FastifyReply,
): Promise<void> {
  const allowance = await limit.take(integration.apiKeyId);
  reply.header("ratelimit-limit", String(allowance.limit));
  reply.header("ratelimit-remaining", String(allowance.remaining));
  reply.header("ratelimit-reset", String(allowance.resetSeconds));
  if (allowance.allowed) return;
  reply.header("retry-after", String(allowance.resetSeconds));
  throw new Problem(
    "RATE_LIMITED",
    `This API key may make ${allowance.limit} requests a minute. Try again in ${allowance.resetSeconds} seconds.`,
  );
}

/** Who a live session is: nobody once its user is deactivated or its partner suspended. */
function actorOf(found: LiveSession | null): Actor | null {
  if (!found) return null;
  const { user, partner } = found;
  // A session created just before its user was deactivated outlives the deletion of its sessions.
  if (user.deactivatedAt) return null;
  if (user.role === "customer_success") {
    return {
      kind: "customer_success",
      userId: user.id,
      name: user.name,
      email: user.email,
      language: languageOf(user.language),
    };
  }
  // A suspended partner's sessions stop working at once, on every instance.
  if (!partner || partner.suspendedAt) return null;
  return {
    kind: "partner_user",
    userId: user.id,
    name: user.name,
    email: user.email,
    language: languageOf(user.language),
    partnerId: partner.id,
    isSuperAdmin: user.isSuperAdmin,
    timeZone: partner.timeZone,
  };
}

/** better-auth's answer to a request it accepted, without the session token. */
interface Forwarded {
  status: number;
  body: Record<string, unknown> | null;
}

const send = (reply: FastifyReply, { status, body }: Forwarded) =>
  body === null ? reply.status(status).send() : reply.status(status).send(body);

/**
 * better-auth speaks the Fetch API; this hands it the request, with the client address Fastify
 * determined (under TRUST_PROXY) in a header of our own, and maps its refusals to problem+json.
 * Session tokens stay in the HttpOnly cookie: they are taken out of JSON answers. The answer is
 * handed back unsent, so that the route records what happened before the client hears of it.
 */
async function forwardToBetterAuth(
  auth: Auth,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  body: unknown,
): Promise<Forwarded> {
  const headers = fromNodeHeaders(request.headers);
  headers.set(CLIENT_IP_HEADER, request.ip);
  const response = await auth.handler(
    new Request(new URL(request.url, config.publicUrl), {
      method: request.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
  if (response.status < 400) {
    const answer = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (answer === null) return { status: response.status, body: null };
    const { token: _token, ...withoutToken } = answer;
    return { status: response.status, body: withoutToken };
  }
  const refusal = (await response.json().catch(() => ({}))) as { message?: string };
  const code = codeForStatus(response.status);
  const retryAfter = response.headers.get("retry-after") ?? response.headers.get("x-retry-after");
  if (retryAfter) reply.header("retry-after", retryAfter);
  throw new Problem(
    code,
    code === "RATE_LIMITED" && retryAfter
      ? `Too many sign-in attempts. Try again in ${retryAfter} seconds.`
      : (refusal.message ?? "The request was refused."),
  );
}
