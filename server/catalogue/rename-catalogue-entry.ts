/**
 * Renaming a catalogue entry (and, for a licence, describing it anew). The code stays: accounts,
 * applications and integrations know the entry by it. Accounts show the new name at once; their
 * history keeps the names it was written with.
 */
import type { CatalogueSection } from "../../shared/domain/catalogue.ts";
import type { CustomerSuccessActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { lockEntry, updateEntry } from "./entries.ts";
import { noEntry, onlyLicencesHaveDescriptions } from "./refusals.ts";

export async function renameCatalogueEntry({
  db,
  actor,
  section,
  key,
  change,
  now,
  address,
}: {
  db: Database;
  actor: CustomerSuccessActor;
  section: CatalogueSection;
  key: string;
  change: { name: string; description?: string | undefined };
  now: Date;
  address: string;
}): Promise<void> {
  if (section !== "licences" && change.description !== undefined) {
    throw onlyLicencesHaveDescriptions();
  }
  await db.transaction(async (tx) => {
    const entry = await lockEntry(tx, section, key);
    if (!entry) throw noEntry(section);
    const after = { name: change.name, description: change.description ?? entry.description };
    const fields = (["name", "description"] as const).filter(
      (field) => entry[field] !== after[field],
    );
    if (fields.length === 0) return;
    await updateEntry(tx, section, key, after);
    await recordSecurityEvent(tx, {
      kind: "catalogue_entry_renamed",
      at: now,
      actor,
      partnerId: null,
      subject: after.name,
      address,
      detail: {
        section,
        code: entry.code,
        before: Object.fromEntries(fields.map((field) => [field, entry[field]])),
        after: Object.fromEntries(fields.map((field) => [field, after[field]])),
      },
    });
  });
}
