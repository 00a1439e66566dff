/** Partner names are unique, whatever their case: "Enérgya" and "enérgya" are one partner. */
import { and, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { violatedUniqueConstraint } from "../db/errors.ts";
import { partners } from "../db/schema/index.ts";
import { Problem } from "../errors.ts";

export const partnerNameTaken = (name: string) =>
  new Problem("PARTNER_NAME_TAKEN", `A partner named "${name}" already exists.`, {
    errors: [{ field: "name", message: "Another partner has this name" }],
  });

/** A friendly check first; the unique constraint settles two creations at once. */
export async function assertPartnerNameFree(
  db: Database,
  name: string,
  exceptId?: string,
): Promise<void> {
  const [taken] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(
      and(
        sql`lower(${partners.name}) = ${name.toLowerCase()}`,
        exceptId ? ne(partners.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw partnerNameTaken(name);
}

/** The unique constraint's refusal as PARTNER_NAME_TAKEN; any other error as it is. */
export function asNameTaken(error: unknown, name: string): unknown {
  return violatedUniqueConstraint(error) === "partners_name_unique"
    ? partnerNameTaken(name)
    : error;
}
