/**
 * A person's own sessions. Read from the sessions table rather than better-auth's list-sessions,
 * which refuses sessions signed in more than a day ago (its "fresh session" rule) and does not know
 * our absolute lifetime. Ending the others is one DELETE in the transaction that records it, so
 * the log says exactly how many ended.
 */
import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import type { UserSession } from "../../shared/api/profile.ts";
import type { Actor } from "../access/actor.ts";
import type { SessionLimits } from "../config.ts";
import type { Database } from "../db/client.ts";
import { sessions } from "../db/schema/index.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** "Firefox on Windows" from a User-Agent header: enough to recognise one's own devices. */
export function describeClient(userAgent: string | null): string {
  if (!userAgent) return "Unknown client";
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

/** The user's sessions still alive: neither idle past their expiry nor past the absolute lifetime. */
export async function listOwnSessions(
  db: Database,
  actor: Actor,
  currentSessionId: string,
  limits: SessionLimits,
): Promise<UserSession[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, actor.userId),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.createdAt, sql`now() - ${limits.maxAgeSeconds} * interval '1 second'`),
      ),
    )
    .orderBy(asc(sessions.createdAt));
  return rows.map((row) => ({
    id: row.id,
    signedInAt: row.createdAt.toISOString(),
    lastActiveAt: row.updatedAt.toISOString(),
    address: row.ipAddress,
    client: describeClient(row.userAgent),
    current: row.id === currentSessionId,
  }));
}

/** Signs the user out everywhere but here; answers how many sessions ended. */
export async function signOutOtherSessions({
  db,
  actor,
  currentSessionId,
  now,
  address,
}: {
  db: Database;
  actor: Actor;
  currentSessionId: string;
  now: Date;
  address: string;
}): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.userId), ne(sessions.id, currentSessionId)))
      .returning({ expiresAt: sessions.expiresAt });
    // Sessions that had expired go too, but only live ones count as ended (wall time, as sessions).
    const live = ended.filter((session) => session.expiresAt.getTime() > Date.now()).length;
    if (live > 0) {
      await recordSecurityEvent(tx, {
        kind: "sessions_ended",
        at: now,
        actor: { userId: actor.userId, name: actor.name },
        partnerId: actor.kind === "partner_user" ? actor.partnerId : null,
        subject: actor.email,
        address,
        detail: { ended: live },
      });
    }
    return live;
  });
}
