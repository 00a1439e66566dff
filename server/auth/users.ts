/** Creating people who can sign in: the demo seed, tests and (later) user management use this. */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { UserType } from "../../shared/domain/people.ts";
import type { Database } from "../db/client.ts";
import { credentials, type UserRole, users } from "../db/schema/index.ts";

interface NewUser {
  email: string;
  name: string;
  password: string;
  role: UserRole;
  partnerId?: string | null;
  /** A partner's user is a Client unless given another type; staff have none. */
  userType?: UserType;
  language?: "en" | "es";
}

export async function createUser(db: Database, user: NewUser): Promise<{ id: string }> {
  const id = randomUUID();
  const userType = user.role === "partner" ? (user.userType ?? "client") : null;
  const passwordHash = await hashPassword(user.password);
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      partnerId: user.partnerId ?? null,
      userType,
      isSuperAdmin: userType === "super_admin",
      language: user.language ?? "en",
      emailVerified: true,
    });
    await tx.insert(credentials).values({
      id: randomUUID(),
      userId: id,
      accountId: id,
      providerId: "credential",
      password: passwordHash,
    });
  });
  return { id };
}
