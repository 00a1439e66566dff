/** Loading what the rules of applications read: accounts as they are now, and catalogue names. */
import { and, eq, inArray } from "drizzle-orm";
import type { AccountState, CatalogueNames } from "../../shared/domain/changes.ts";
import type { Names } from "../../shared/domain/describe.ts";
import type { Database } from "../db/client.ts";
import { accounts, billManagementTypes, licences, partners } from "../db/schema.ts";

const stateColumns = {
  id: accounts.id,
  name: accounts.name,
  country: accounts.country,
  startsOn: accounts.startsOn,
  endsOn: accounts.endsOn,
  datapointsContracted: accounts.datapointsContracted,
  datapointsUsed: accounts.datapointsUsed,
  licenceId: accounts.licenceId,
  billManagementTypeId: accounts.billManagementTypeId,
  rtmMeters: accounts.rtmMeters,
  additionalPods: accounts.additionalPods,
  rtcLines: accounts.rtcLines,
  smsCredits: accounts.smsCredits,
};

/** Accounts by id as the rules read them, with their partner's time zone; for previews. */
export async function accountStates(
  db: Database,
  ids: string[],
): Promise<Map<string, AccountState & { timeZone: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ ...stateColumns, timeZone: partners.timeZone })
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .where(inArray(accounts.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Accounts of one partner as the rules read them, locked until the transaction ends. Locks are taken one at a time in id
 * order, so two applications touching the same two accounts (opposite moves) cannot deadlock.
 */
export async function lockAccountStates(
  tx: Database,
  partnerId: string,
  ids: string[],
): Promise<Map<string, AccountState>> {
  const states = new Map<string, AccountState>();
  for (const id of [...new Set(ids)].sort()) {
    const [row] = await tx
      .select(stateColumns)
      .from(accounts)
      .where(and(eq(accounts.partnerId, partnerId), eq(accounts.id, id)))
      .for("update");
    if (row) states.set(id, row);
  }
  return states;
}

export async function partnerTimeZone(db: Database, partnerId: string): Promise<string> {
  const [partner] = await db
    .select({ timeZone: partners.timeZone })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return partner?.timeZone ?? "UTC";
}

/**
 * Catalogue names: `offered` answers only for what can be chosen now (active entries), `names`
 * also for retired ones, so old applications and histories still read well.
 */
export async function catalogue(
  db: Database,
): Promise<{ offered: CatalogueNames; names: Omit<Names, "account"> }> {
  const licenceRows = await db
    .select({ id: licences.id, name: licences.name, active: licences.active })
    .from(licences);
  const typeRows = await db
    .select({
      id: billManagementTypes.id,
      name: billManagementTypes.name,
      active: billManagementTypes.active,
    })
    .from(billManagementTypes);
  const lookup = (rows: { id: string; name: string; active: boolean }[], onlyActive: boolean) => {
    const map = new Map(
      rows.filter((row) => row.active || !onlyActive).map((row) => [row.id, row.name]),
    );
    return (id: string) => map.get(id);
  };
  return {
    offered: { licence: lookup(licenceRows, true), billManagementType: lookup(typeRows, true) },
    names: { licence: lookup(licenceRows, false), billManagementType: lookup(typeRows, false) },
  };
}
