/**
 * Customer Success adds a licence, a Bill Management licence type or a sector. Its code is the one
 * entered, or else derived from its name (`Professional Plus` → `professional-plus`); codes are
 * unique within a section, retired entries included, and never change.
 */
import { type CatalogueSection, codeFromName } from "../../shared/domain/catalogue.ts";
import type { CustomerSuccessActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { violatedUniqueConstraint } from "../db/errors.ts";
import { Problem } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { CODE_CONSTRAINTS, insertEntry } from "./entries.ts";
import { entryCodeTaken, onlyLicencesHaveDescriptions } from "./refusals.ts";

export async function createCatalogueEntry({
  db,
  actor,
  section,
  entry,
  now,
  address,
}: {
  db: Database;
  actor: CustomerSuccessActor;
  section: CatalogueSection;
  entry: { name: string; code?: string | undefined; description?: string | undefined };
  now: Date;
  address: string;
}): Promise<string> {
  if (section !== "licences" && entry.description !== undefined) {
    throw onlyLicencesHaveDescriptions();
  }
  const code = entry.code ?? codeFromName(entry.name);
  if (code === "") {
    throw new Problem("VALIDATION_FAILED", "The name has no letters to make a code of.", {
      errors: [{ field: "code", message: "Enter a code such as professional-plus" }],
    });
  }
  const values = { code, name: entry.name, description: entry.description ?? "" };
  try {
    return await db.transaction(async (tx) => {
      const key = await insertEntry(tx, section, values);
      await recordSecurityEvent(tx, {
        kind: "catalogue_entry_created",
        at: now,
        actor,
        partnerId: null,
        subject: values.name,
        address,
        detail: { section, ...values },
      });
      return key;
    });
  } catch (error) {
    if (violatedUniqueConstraint(error) === CODE_CONSTRAINTS[section]) {
      throw entryCodeTaken(section, code);
    }
    throw error;
  }
}
