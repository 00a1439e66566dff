/**
 * A session's two limits, and how every request reads its session.
 *
 * The idle timeout is better-auth's own sliding expiry (`expiresIn`, moved forward by use at most
 * every `updateAge`). The absolute lifetime is checked here, where every session is read: a session
 * signed in longer ago than SESSION_MAX_AGE_HOURS is deleted and refused, however recently it was
 * used. Both follow the wall clock, as better-auth does; the test clock moves accounts' time, not
 * sessions'.
 *
 * Reading: better-auth's `getSession` cost 2.6 ms of the server's CPU per call (its endpoint
 * context, WebCrypto, Drizzle's relational query builder), most of what a page of a list costs. So
 * a request whose session is live and not yet due to move forward is read here: its cookie's
 * signature checked as better-auth signs it, then one prepared statement reads the session with
 * its user and partner. An expired session, or one due to move forward, is left to better-auth,
 * which deletes it or moves it forward and sends the new cookie, as it always did.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { parseCookies } from "better-auth/cookies";
import { fromNodeHeaders } from "better-auth/node";
import { eq, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionLimits } from "../config.ts";
import type { Database } from "../db/client.ts";
import { partners, sessions, users } from "../db/schema/index.ts";
import type { Auth } from "./better-auth.ts";

function liveSessionStatement(db: Database) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      user: {
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        language: users.language,
        isSuperAdmin: users.isSuperAdmin,
        deactivatedAt: users.deactivatedAt,
      },
      partner: { id: partners.id, timeZone: partners.timeZone, suspendedAt: partners.suspendedAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(sessions.token, sql.placeholder("token")))
    .prepare("live_session");
}

/** A session as a request reads it: its user and, for a partner's user, the partner. */
export type LiveSession = NonNullable<
  Awaited<ReturnType<ReturnType<typeof liveSessionStatement>["execute"]>>[number]
>;

/**
 * `liveSession(request, reply)`: the request's session when it is still alive, else null. A
 * moved-forward expiry comes back as a new session cookie, which is passed on to the reply so the
 * browser keeps the cookie as long as the session lives.
 */
export function sessionReader(auth: Auth, db: Database, limits: SessionLimits) {
  const statement = liveSessionStatement(db);
  // What better-auth signs cookies with, names them and moves sessions forward by.
  const settings = auth.$context.then(({ secret, authCookies, sessionConfig }) => ({
    secret,
    cookieName: authCookies.sessionToken.name,
    idleMs: sessionConfig.expiresIn * 1000,
    updateAgeMs: sessionConfig.updateAge * 1000,
  }));

  /**
   * Whether better-auth keeps the session: it deletes an expired one, and moves one due to move
   * forward, whose new cookie goes into the reply.
   */
  const keptByBetterAuth = async (request: FastifyRequest, reply: FastifyReply) => {
    const { headers, response } = await auth.api.getSession({
      headers: fromNodeHeaders(request.headers),
      returnHeaders: true,
    });
    if (!response) return false;
    const cookies = headers.getSetCookie();
    if (cookies.length > 0) reply.header("set-cookie", cookies);
    return true;
  };

  return async function liveSession(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<LiveSession | null> {
    const cookie = request.headers.cookie;
    if (!cookie) return null;
    const { secret, cookieName, idleMs, updateAgeMs } = await settings;
    const token = signedToken(parseCookies(cookie).get(cookieName), secret);
    if (token === null) return null;
    const [found] = await statement.execute({ token });
    if (!found) return null;
    const expiresAt = found.expiresAt.getTime();
    const now = Date.now();
    const asItIs = expiresAt > now && expiresAt - idleMs + updateAgeMs > now;
    if (!asItIs && !(await keptByBetterAuth(request, reply))) return null;
    if (now - found.createdAt.getTime() >= limits.maxAgeSeconds * 1000) {
      await db.delete(sessions).where(eq(sessions.id, found.id));
      return null;
    }
    return found;
  };
}

/**
 * The session token of a session cookie, `<token>.<signature>`, when its signature is the one
 * better-auth makes (HMAC-SHA256 with the app's secret, in standard base64); else null.
 */
function signedToken(cookie: string | undefined, secret: string): string | null {
  if (!cookie) return null;
  const dot = cookie.lastIndexOf(".");
  if (dot < 1) return null;
  const token = cookie.slice(0, dot);
  const signature = Buffer.from(cookie.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  return signature.length === expected.length && timingSafeEqual(signature, expected)
    ? token
    : null;
}
