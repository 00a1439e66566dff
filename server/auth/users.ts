/** Creating people who can sign in: the demo seed, tests and (later) user management use this. */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Database } from "../db/client.ts";
import { credentials, type UserRole, users } from "../db/schema/index.ts";

interface NewUser {
  email: string;
  name: string;
  password: string;
  role: UserRole;
  partnerId?: string | null;
  isSuperAdmin?: boolean;
  language?: "en" | "es";
}

export async function createUser(db: Database, user: NewUser): Promise<{ id: string }> {
  const id = randomUUID();
  const passwordHash = await hashPassword(user.password);
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      partnerId: user.partnerId ?? null,
      isSuperAdmin: user.isSuperAdmin ?? false,
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
