/**
 * Retiring a catalogue entry: it stays on the accounts that have it and in their history, but new
 * applications and licence changes can no longer choose it (they read only what is on offer).
 * Restoring offers it again. The two are one use case's two directions; each is a no-op the
 * second time and is recorded only when it changes something.
 */
import type { CatalogueSection } from "../../shared/domain/catalogue.ts";
import type { CustomerSuccessActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { lockEntry, updateEntry } from "./entries.ts";
import { noEntry } from "./refusals.ts";

interface Retirement {
  db: Database;
  actor: CustomerSuccessActor;
  section: CatalogueSection;
  key: string;
  now: Date;
  address: string;
}

export const retireCatalogueEntry = (retirement: Retirement) => setOffered(retirement, false);

export const restoreCatalogueEntry = (retirement: Retirement) => setOffered(retirement, true);

async function setOffered(
  { db, actor, section, key, now, address }: Retirement,
  active: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    const entry = await lockEntry(tx, section, key);
    if (!entry) throw noEntry(section);
    if (entry.active === active) return;
    await updateEntry(tx, section, key, { active });
    await recordSecurityEvent(tx, {
      kind: active ? "catalogue_entry_restored" : "catalogue_entry_retired",
      at: now,
      actor,
      partnerId: null,
      subject: entry.name,
      address,
      detail: { section, code: entry.code },
    });
  });
}
