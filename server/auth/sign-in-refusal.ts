/**
 * Who may not sign in: a deactivated user, and every user of a suspended partner. Checked when a
 * session is created (better-auth's hook) and, for sessions that already exist, on every request
 * (./plugin.ts), so a change takes effect at once on every instance.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { partners, users } from "../db/schema/index.ts";

const DEACTIVATED = "This user has been deactivated. Ask a SuperAdmin of your organisation.";
const SUSPENDED = "Your organisation's access to Wattfolio is suspended.";

/** Why the user may not sign in, or null when it may. */
export async function signInRefusal(db: Database, userId: string): Promise<string | null> {
  const [found] = await db
    .select({ deactivatedAt: users.deactivatedAt, suspendedAt: partners.suspendedAt })
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, userId));
  if (!found) return null;
  if (found.deactivatedAt) return DEACTIVATED;
  if (found.suspendedAt) return SUSPENDED;
  return null;
}
