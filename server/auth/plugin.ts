/**
 * Puts better-auth behind /api/auth, resolves the session cookie (people) or the API key
 * (integrations) of every API request into the caller, and refuses cookie-authenticated changes
 * that come from another site.
 */

import { fromNodeHeaders } from "better-auth/node";
import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor, IntegrationActor } from "../access/actor.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { partners } from "../db/schema/index.ts";
import { codeForStatus, Problem } from "../errors.ts";
import type { KeyVerifier } from "./api-key-verifier.ts";
import { type Auth, CLIENT_IP_HEADER } from "./better-auth.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function registerAuth(
  app: FastifyInstance,
  auth: Auth,
  keys: KeyVerifier,
  db: Database,
  config: Config,
): void {
  const publicOrigin = new URL(config.publicUrl).origin;

  app.decorateRequest("actor", null);

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    refuseCrossSiteChange(request, publicOrigin);
    if (request.url.startsWith("/api/auth/")) return;
    const authorization = request.headers.authorization;
    request.actor =
      authorization === undefined
        ? await actorOf(auth, db, request)
        : await integrationOf(keys, authorization);
  });

  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    handler: (request, reply) => forwardToBetterAuth(auth, config, request, reply),
  });
}

/**
 * Browsers say where a request comes from (Sec-Fetch-Site, Origin); a change that carries our
 * session cookie but comes from another site is refused. Clients without cookies carry no session.
 */
function refuseCrossSiteChange(request: FastifyRequest, publicOrigin: string): void {
  if (SAFE_METHODS.has(request.method) || !request.headers.cookie) return;
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    throw new Problem("CROSS_SITE_REQUEST", "Changes must come from the Wattfolio web app.");
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== publicOrigin) {
    throw new Problem("CROSS_SITE_REQUEST", `Changes must come from ${publicOrigin}.`);
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

async function actorOf(auth: Auth, db: Database, request: FastifyRequest): Promise<Actor | null> {
  if (!request.headers.cookie) return null;
  const found = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!found) return null;
  const { user } = found;
  if (user.role === "customer_success") {
    return { kind: "customer_success", userId: user.id, name: user.name, email: user.email };
  }
  const [partner] = await db
    .select({ id: partners.id, timeZone: partners.timeZone })
    .from(partners)
    .where(eq(partners.id, String(user.partnerId)));
  if (!partner) return null;
  return {
    kind: "partner_user",
    userId: user.id,
    name: user.name,
    email: user.email,
    partnerId: partner.id,
    isSuperAdmin: user.isSuperAdmin,
    timeZone: partner.timeZone,
  };
}

/** better-auth speaks the Fetch API; this hands it the request and maps its refusals to problem+json. */
async function forwardToBetterAuth(
  auth: Auth,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const headers = fromNodeHeaders(request.headers);
  headers.set(CLIENT_IP_HEADER, request.ip);
  const hasBody = request.method === "POST" && request.body !== undefined;
  const response = await auth.handler(
    new Request(new URL(request.url, config.publicUrl), {
      method: request.method,
      headers,
      body: hasBody ? JSON.stringify(request.body) : undefined,
    }),
  );
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
  if (response.status < 400) {
    const type = response.headers.get("content-type");
    if (type) reply.type(type);
    return reply.status(response.status).send(await response.text());
  }
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  const code = codeForStatus(response.status);
  const retryAfter = response.headers.get("x-retry-after");
  if (retryAfter) reply.header("retry-after", retryAfter);
  throw new Problem(
    code,
    code === "RATE_LIMITED"
      ? "Too many sign-in attempts from this address. Wait a minute and try again."
      : (body.message ?? "The request was refused."),
  );
}
