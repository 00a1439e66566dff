/**
 * The demo portfolio a fresh install starts with: Customer Success, two partners with a SuperAdmin
 * and an account user each, a catalogue, ~30 accounts per partner in every state (active, expiring
 * within 30 days, expired) with registered datapoints, and a few applications.
 * Deterministic: the same clock gives the same demo. Its people and partners are made by the same
 * use cases as in the product: invited and accepting their invitation, partners created by Customer
 * Success, access granted by the SuperAdmin.
 */
import { count, eq, inArray, sql } from "drizzle-orm";
import type { FileApplicationBody } from "../../shared/api/applications.ts";
import { addDays, dateIn } from "../../shared/domain/calendar.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import type { Language } from "../../shared/domain/languages.ts";
import type { UserType } from "../../shared/domain/people.ts";
import type { Actor, CustomerSuccessActor, PartnerUserActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import {
  accounts,
  billManagementTypes,
  datapoints,
  invitations,
  licences,
  partners,
  sectors,
  usageLedger,
  users,
} from "../db/schema/index.ts";
import { acceptInvitation } from "../invitations/accept-invitation.ts";
import { inviteUser } from "../invitations/invite-user.ts";
import type { Notices } from "../notices/notices.ts";
import { createPartner } from "../partners/create-partner.ts";
import { grantAccess } from "../people/grant-access.ts";
import { armUsageAlerts, openUsage } from "../usage/ledger.ts";
import { seedApplications } from "./applications.ts";
import { registeredDatapoints } from "./datapoints.ts";
import {
  BILL_MANAGEMENT_TYPES,
  CUSTOMER_SUCCESS,
  CUSTOMERS,
  LICENCES,
  PORTFOLIOS,
  type Portfolio,
  SECTORS,
  SITES,
} from "./portfolio.ts";

export const DEMO_PASSWORD = "wattfolio-demo";

export const DEMO_LOGINS = [
  { role: "Customer Success", email: CUSTOMER_SUCCESS.email },
  ...PORTFOLIOS.flatMap((portfolio) => [
    { role: `SuperAdmin, ${portfolio.name}`, email: portfolio.admin.email },
    { role: `Manager (account user), ${portfolio.name}`, email: portfolio.user.email },
  ]),
];

/** A small deterministic generator (mulberry32), so the demo is the same on every machine. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Whether anyone can sign in with a demo login (and its published password) here. */
export async function demoLoginsPresent(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ value: count() })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_LOGINS.map((login) => login.email),
      ),
    );
  return (row?.value ?? 0) > 0;
}

/** Anyone, anyone invited, or any partner: an operator's installation (create-staff ran first) is never seeded. */
async function hasData(db: Database): Promise<boolean> {
  for (const table of [users, invitations, partners]) {
    if ((await db.select({ id: table.id }).from(table).limit(1)).length > 0) return true;
  }
  return false;
}

interface SeedOptions {
  now: Date;
  notices: Notices;
  /** Where the invitation e-mails of the demo's people point. */
  publicUrl: string;
}

/** Seeds the demo into an empty database; returns false and changes nothing when anything exists. */
export async function seedDemo(database: Database, options: SeedOptions): Promise<boolean> {
  return database.transaction(async (db) => {
    // Several instances may start at once on one PostgreSQL: one seeds, the others find its data.
    await db.execute(sql`select pg_advisory_xact_lock(7741302119)`);
    if (await hasData(db)) return false;
    await seedInto(db, options);
    return true;
  });
}

/** A person joins as in the product: invited, then accepting with the demo password. */
async function join(
  db: Database,
  clock: Clock,
  publicUrl: string,
  invitation: {
    invitedBy: Actor | null;
    partnerId: string | null;
    userType: UserType | null;
    email: string;
    name: string;
    language?: Language;
  },
): Promise<string> {
  const { token } = await inviteUser({ db, clock, publicUrl, ...invitation });
  const { userId } = await acceptInvitation({
    db,
    clock,
    token,
    password: DEMO_PASSWORD,
    address: null,
  });
  return userId;
}

async function seedInto(db: Database, { now, notices, publicUrl }: SeedOptions): Promise<void> {
  const clock: Clock = { now: () => now };
  const licenceRows = await db.insert(licences).values(LICENCES).returning();
  const typeRows = await db.insert(billManagementTypes).values(BILL_MANAGEMENT_TYPES).returning();
  await db.insert(sectors).values(SECTORS);
  const customerSuccess: CustomerSuccessActor = {
    kind: "customer_success",
    userId: await join(db, clock, publicUrl, {
      ...CUSTOMER_SUCCESS,
      invitedBy: null,
      partnerId: null,
      userType: null,
    }),
    ...CUSTOMER_SUCCESS,
    language: "en",
  };
  for (const [index, portfolio] of PORTFOLIOS.entries()) {
    await seedPortfolio({
      db,
      clock,
      publicUrl,
      portfolio,
      next: random(2026 + index),
      catalogue: { licences: licenceRows, billManagementTypes: typeRows },
      reviewer: customerSuccess,
      now,
      notices,
    });
  }
}

interface DemoPortfolio {
  db: Database;
  clock: Clock;
  publicUrl: string;
  portfolio: Portfolio;
  /** The portfolio's own random numbers, drawn in a fixed order. */
  next: () => number;
  catalogue: {
    licences: (typeof licences.$inferSelect)[];
    billManagementTypes: (typeof billManagementTypes.$inferSelect)[];
  };
  /** The Customer Success user who creates the partner and decides its applications. */
  reviewer: CustomerSuccessActor;
  now: Date;
  notices: Notices;
}

/** One partner: its people, its accounts with their datapoints, and its applications. */
async function seedPortfolio({
  db,
  clock,
  publicUrl,
  portfolio,
  next,
  catalogue,
  reviewer,
  now,
  notices,
}: DemoPortfolio): Promise<void> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const partnerId = await createPartner({
    db,
    actor: reviewer,
    values: {
      name: portfolio.name,
      timeZone: portfolio.timeZone,
      country: portfolio.countries[0],
      defaultLanguage: portfolio.language,
    },
    now,
    address: null,
  });
  const admin: PartnerUserActor = {
    kind: "partner_user",
    userId: await join(db, clock, publicUrl, {
      ...portfolio.admin,
      invitedBy: reviewer,
      partnerId,
      userType: "super_admin",
    }),
    name: portfolio.admin.name,
    email: portfolio.admin.email,
    language: portfolio.language,
    partnerId,
    isSuperAdmin: true,
    timeZone: portfolio.timeZone,
  };
  const accountUserId = await join(db, clock, publicUrl, {
    ...portfolio.user,
    invitedBy: admin,
    partnerId,
    userType: "manager",
  });

  const today = dateIn(portfolio.timeZone, now);
  const names = new Set<string>();
  const accountValues = Array.from({ length: 30 }, (_, i) => {
    let customer = pick(CUSTOMERS);
    let name = `${customer[0]} ${pick(SITES)}`;
    while (names.has(name)) {
      customer = pick(CUSTOMERS);
      name = `${customer[0]} ${pick(SITES)}`;
    }
    names.add(name);
    // A third of the portfolio each: well within term, expiring within 30 days, expired.
    const endsIn =
      i % 3 === 0
        ? 31 + Math.floor(next() * 330)
        : i % 3 === 1
          ? Math.floor(next() * 31)
          : -1 - Math.floor(next() * 200);
    const endsOn = addDays(today, endsIn);
    const startsOn = addDays(endsOn, -365);
    const country = pick(portfolio.countries);
    const bmType = next() < 0.4 ? pick(catalogue.billManagementTypes) : null;
    return {
      partnerId,
      name,
      customerName: customer[0],
      country,
      sectorCode: customer[1],
      licenceId: pick(catalogue.licences).id,
      billManagementTypeId: bmType?.id ?? null,
      emailDomain: next() < 0.3 ? portfolio.domain : null,
      startsOn,
      endsOn,
      // Approved the morning its term began, as a real account was: never created after it started.
      createdAt: new Date(`${startsOn}T08:00:00Z`),
      datapointsContracted: 20 + Math.floor(next() * 40) * 10,
      rtmMeters: bmType ? Math.floor(next() * 20) : 0,
      additionalPods: bmType ? Math.floor(next() * 10) : 0,
      smsCredits: Math.floor(next() * 5) * 100,
      rtcLines: country === "ES" ? Math.floor(next() * 6) : 0,
    };
  });
  const created = await db.insert(accounts).values(accountValues).returning();
  for (const account of created.slice(0, 4)) {
    await grantAccess({
      db,
      actor: admin,
      accountId: account.id,
      userId: accountUserId,
      now,
      address: null,
    });
  }

  for (const account of created) {
    // Usage from nearly empty to full, so the bars show every colour.
    const billableCount = Math.min(
      account.datapointsContracted,
      Math.floor(account.datapointsContracted * next() * 1.1),
    );
    const rows = registeredDatapoints({
      partnerId,
      accountId: account.id,
      billable: billableCount,
      nonBillable: Math.floor(next() * 6),
      from: account.createdAt,
      to: new Date(Math.min(now.getTime(), Date.parse(`${account.endsOn}T00:00:00Z`))),
      next,
    });
    for (let start = 0; start < rows.length; start += 500) {
      await db.insert(datapoints).values(rows.slice(start, start + 500));
    }
    await db
      .update(accounts)
      .set({ datapointsUsed: billableCount })
      .where(eq(accounts.id, account.id));
    // The ledger tells the same story: opened empty, then each day's registrations.
    await openUsage(db, { ...account, datapointsUsed: 0 }, { at: account.createdAt });
    await db.execute(sql`insert into ${usageLedger} (partner_id, account_id, entry, recorded_at,
        datapoints_delta, datapoints_used, datapoints_contracted, sms_credits)
      select partner_id, account_id, 'registered', last_at, n,
        (sum(n) over (order by day))::int, ${account.datapointsContracted}::int, ${account.smsCredits}::int
      from (
        select partner_id, account_id, date_trunc('day', registered_at) as day,
          max(registered_at) as last_at, count(*)::int as n
        from ${datapoints} where account_id = ${account.id} and billable
        group by partner_id, account_id, date_trunc('day', registered_at)
      ) days
      order by day`);
    await armUsageAlerts(db, { ...account, datapointsUsed: billableCount });
  }

  const newAccounts = portfolio.pendingNewAccounts.map(
    (name, j): FileApplicationBody => ({
      kind: "new_account",
      payload: {
        name,
        customerName: pick(CUSTOMERS)[0],
        country: portfolio.countries[0],
        licenceId: pick(catalogue.licences).id,
        datapoints: 100 + j * 50,
        billManagementTypeId: null,
        rtmMeters: 0,
        additionalPods: 0,
        periodMonths: 12,
        sectorCode: pick(SECTORS).code,
        smsCredits: 200,
        rtcLines: 0,
        emailDomain: null,
        comment: "",
      },
      comment: j === 0 ? "Customer signed last week; please approve before the kick-off." : "",
    }),
  );
  await seedApplications({
    db,
    admin,
    reviewer,
    seeded: created,
    today,
    now,
    newAccounts,
    licenceIds: catalogue.licences.map((licence) => licence.id),
    notices,
  });
}
