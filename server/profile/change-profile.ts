/** Changing one's own name and language; the security log keeps what was before and after. */
import { eq } from "drizzle-orm";
import type { Profile, ProfileUpdate } from "../../shared/api/profile.ts";
import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

const profileColumns = { name: users.name, email: users.email, language: users.language };

export async function findProfile(db: Database, actor: Actor): Promise<Profile> {
  const [found] = await db.select(profileColumns).from(users).where(eq(users.id, actor.userId));
  if (!found) throw notFound("user");
  return found;
}

/** Saves the profile; saving it unchanged records nothing. */
export async function changeProfile({
  db,
  actor,
  update,
  now,
  address,
}: {
  db: Database;
  actor: Actor;
  update: ProfileUpdate;
  now: Date;
  address: string;
}): Promise<Profile> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(profileColumns)
      .from(users)
      .where(eq(users.id, actor.userId))
      .for("update");
    if (!before) throw notFound("user");
    const changed = (["name", "language"] as const).filter(
      (field) => before[field] !== update[field],
    );
    if (changed.length === 0) return before;
    await tx
      .update(users)
      .set({ name: update.name, language: update.language, updatedAt: now })
      .where(eq(users.id, actor.userId));
    await recordSecurityEvent(tx, {
      kind: "profile_changed",
      at: now,
      actor: { userId: actor.userId, name: update.name },
      partnerId: actor.kind === "partner_user" ? actor.partnerId : null,
      subject: before.email,
      address,
      detail: {
        before: Object.fromEntries(changed.map((field) => [field, before[field]])),
        after: Object.fromEntries(changed.map((field) => [field, update[field]])),
      },
    });
    return { ...before, ...update };
  });
}
