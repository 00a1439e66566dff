/**
 * A session's two limits. The idle timeout is better-auth's own sliding expiry (`expiresIn`, moved
 * forward by use at most every `updateAge`). The absolute lifetime is checked here, where every
 * session is read: a session signed in longer ago than SESSION_MAX_AGE_HOURS is deleted and
 * refused, however recently it was used. Both follow the wall clock, as better-auth does; the test
 * clock moves accounts' time, not sessions'.
 */
import { fromNodeHeaders } from "better-auth/node";
import { eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionLimits } from "../config.ts";
import type { Database } from "../db/client.ts";
import { sessions } from "../db/schema/index.ts";
import type { Auth } from "./better-auth.ts";

type Found = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;

/**
 * The request's session when it is still alive, else null. A moved-forward expiry comes back as a
 * new session cookie, which is passed on to the reply so the browser keeps the cookie as long as
 * the session lives.
 */
export async function liveSession(
  auth: Auth,
  db: Database,
  limits: SessionLimits,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Found | null> {
  if (!request.headers.cookie) return null;
  const { headers, response: found } = await auth.api.getSession({
    headers: fromNodeHeaders(request.headers),
    returnHeaders: true,
  });
  if (!found) return null;
  if (Date.now() - found.session.createdAt.getTime() >= limits.maxAgeSeconds * 1000) {
    await db.delete(sessions).where(eq(sessions.id, found.session.id));
    return null;
  }
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
  return found;
}
