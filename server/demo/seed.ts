/**
 * The demo portfolio a fresh install starts with: Customer Success, two partners with a SuperAdmin
 * and an account user each, a catalogue, ~30 accounts per partner in every state (active, expiring
 * within 30 days, expired) with registered datapoints, and a few applications.
 * Deterministic: the same clock gives the same demo.
 */
import { count, eq, sql } from "drizzle-orm";
import type { FileApplicationBody } from "../../shared/api/applications.ts";
import type { NewAccountRequest } from "../../shared/domain/applications.ts";
import { addDays, dateIn } from "../../shared/domain/calendar.ts";
import { type DatapointKind, isBillable } from "../../shared/domain/datapoints.ts";
import { approveApplication, fileApplication, rejectApplication } from "../applications/service.ts";
import type { PartnerUserActor } from "../auth/actor.ts";
import { createUser } from "../auth/users.ts";
import type { Database } from "../db/client.ts";
import {
  accountAccess,
  accounts,
  billManagementTypes,
  datapoints,
  licences,
  partners,
  sectors,
} from "../db/schema.ts";
import type { Notices } from "../lifecycle/notices.ts";

export const DEMO_PASSWORD = "wattfolio-demo";

export const DEMO_LOGINS = [
  { role: "Customer Success", email: "cs@wattfolio.demo" },
  { role: "SuperAdmin, Enerlogic Services", email: "ana@enerlogic.demo" },
  { role: "Account user, Enerlogic Services", email: "luis@enerlogic.demo" },
  { role: "SuperAdmin, GreenGrid Consulting", email: "emma@greengrid.demo" },
  { role: "Account user, GreenGrid Consulting", email: "tom@greengrid.demo" },
] as const;

const LICENCES = [
  {
    code: "starter",
    name: "Starter",
    description: "Monitoring and alerts for small portfolios",
    position: 1,
  },
  {
    code: "professional",
    name: "Professional",
    description: "Analytics, reports and M&V",
    position: 2,
  },
  {
    code: "enterprise",
    name: "Enterprise",
    description: "Everything, with API access and SSO",
    position: 3,
  },
];
const BILL_MANAGEMENT_TYPES = [
  { code: "bm-basic", name: "Bill Management Basic", position: 1 },
  { code: "bm-advanced", name: "Bill Management Advanced", position: 2 },
];
export const DEMO_SECTORS = [
  { code: "education", name: "Education" },
  { code: "healthcare", name: "Healthcare" },
  { code: "hospitality", name: "Hospitality" },
  { code: "industry", name: "Industry" },
  { code: "logistics", name: "Logistics" },
  { code: "offices", name: "Offices" },
  { code: "public", name: "Public administration" },
  { code: "retail", name: "Retail" },
  { code: "sports", name: "Sports facilities" },
  { code: "utilities", name: "Water and utilities" },
];

const CUSTOMERS = [
  ["Hoteles Mar Azul", "hospitality"],
  ["Colegio San Jorge", "education"],
  ["Clínica Santa Ana", "healthcare"],
  ["Aceros del Norte", "industry"],
  ["Transportes Rápidos", "logistics"],
  ["Oficinas Castellana", "offices"],
  ["Ayuntamiento de Villaverde", "public"],
  ["Supermercados Frescos", "retail"],
  ["Polideportivo Las Lomas", "sports"],
  ["Aguas del Valle", "utilities"],
] as const;
const SITES = ["Headquarters", "North", "South", "Warehouse", "Plant 2", "Campus"];

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

export async function hasDemoData(db: Database): Promise<boolean> {
  const [row] = await db.select({ value: count() }).from(partners);
  return (row?.value ?? 0) > 0;
}

/** Seeds the demo into an empty database; returns false and changes nothing when data exists. */
export async function seedDemo(database: Database, now: Date, notices: Notices): Promise<boolean> {
  return database.transaction(async (db) => {
    // Several instances may start at once on one PostgreSQL: one seeds, the others find its data.
    await db.execute(sql`select pg_advisory_xact_lock(7741302119)`);
    if (await hasDemoData(db)) return false;
    await seedInto(db, now, notices);
    return true;
  });
}

async function seedInto(db: Database, now: Date, notices: Notices): Promise<void> {
  const licenceRows = await db.insert(licences).values(LICENCES).returning();
  const typeRows = await db.insert(billManagementTypes).values(BILL_MANAGEMENT_TYPES).returning();
  await db.insert(sectors).values(DEMO_SECTORS);
  const customerSuccess = await createUser(db, {
    email: "cs@wattfolio.demo",
    name: "Carla Soto",
    password: DEMO_PASSWORD,
    role: "customer_success",
  });

  const portfolios = [
    {
      name: "Enerlogic Services",
      timeZone: "Europe/Madrid",
      countries: ["ES", "ES", "ES", "PT"],
      admin: ["ana", "Ana García"],
      user: ["luis", "Luis Pérez"],
      domain: "enerlogic.demo",
      language: "es" as const,
    },
    {
      name: "GreenGrid Consulting",
      timeZone: "Europe/London",
      countries: ["GB", "IE", "FR", "ES"],
      admin: ["emma", "Emma Clark"],
      user: ["tom", "Tom Baker"],
      domain: "greengrid.demo",
      language: "en" as const,
    },
  ];

  for (const [index, portfolio] of portfolios.entries()) {
    const next = random(2026 + index);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const [partner] = await db
      .insert(partners)
      .values({ name: portfolio.name, timeZone: portfolio.timeZone })
      .returning();
    if (!partner) throw new Error("partner not created");
    const superAdmin = await createUser(db, {
      email: `${portfolio.admin[0]}@${portfolio.domain}`,
      name: portfolio.admin[1] as string,
      password: DEMO_PASSWORD,
      role: "partner",
      partnerId: partner.id,
      isSuperAdmin: true,
      language: portfolio.language,
    });
    const accountUser = await createUser(db, {
      email: `${portfolio.user[0]}@${portfolio.domain}`,
      name: portfolio.user[1] as string,
      password: DEMO_PASSWORD,
      role: "partner",
      partnerId: partner.id,
      language: portfolio.language,
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
      const country = pick(portfolio.countries);
      const bmType = next() < 0.4 ? pick(typeRows) : null;
      return {
        partnerId: partner.id,
        name,
        customerName: customer[0],
        country,
        sectorCode: customer[1],
        licenceId: pick(licenceRows).id,
        billManagementTypeId: bmType?.id ?? null,
        emailDomain: next() < 0.3 ? portfolio.domain : null,
        startsOn: addDays(endsOn, -365),
        endsOn,
        datapointsContracted: 20 + Math.floor(next() * 40) * 10,
        rtmMeters: bmType ? Math.floor(next() * 20) : 0,
        additionalPods: bmType ? Math.floor(next() * 10) : 0,
        smsCredits: Math.floor(next() * 5) * 100,
        rtcLines: country === "ES" ? Math.floor(next() * 6) : 0,
      };
    });
    const created = await db.insert(accounts).values(accountValues).returning();
    await db.insert(accountAccess).values(
      created.slice(0, 4).map((account) => ({
        partnerId: partner.id,
        accountId: account.id,
        userId: accountUser.id,
      })),
    );

    for (const account of created) {
      // Usage from nearly empty to full, so the bars show every colour.
      const billableCount = Math.min(
        account.datapointsContracted,
        Math.floor(account.datapointsContracted * next() * 1.1),
      );
      const rows = registeredDatapoints(
        partner.id,
        account.id,
        billableCount,
        Math.floor(next() * 6),
        now,
        next,
      );
      for (let start = 0; start < rows.length; start += 500) {
        await db.insert(datapoints).values(rows.slice(start, start + 500));
      }
      await db
        .update(accounts)
        .set({ datapointsUsed: billableCount })
        .where(eq(accounts.id, account.id));
    }

    const pendingNames = [
      "Logroño Data Centre",
      "Puerto Olímpico Marina",
      "Sevilla Central Station",
    ];
    const newAccount = (name: string, j: number): NewAccountRequest => ({
      name: `${name}${index === 1 ? " (UK)" : ""}`,
      customerName: pick(CUSTOMERS)[0],
      country: portfolio.countries[0] as string,
      licenceId: pick(licenceRows).id,
      datapoints: 100 + j * 50,
      billManagementTypeId: null,
      rtmMeters: 0,
      additionalPods: 0,
      periodMonths: 12,
      sectorCode: pick(DEMO_SECTORS).code,
      smsCredits: 200,
      rtcLines: 0,
      emailDomain: null,
      comment: "",
    });
    const admin: PartnerUserActor = {
      kind: "partner_user",
      userId: superAdmin.id,
      name: portfolio.admin[1] as string,
      email: `${portfolio.admin[0]}@${portfolio.domain}`,
      partnerId: partner.id,
      isSuperAdmin: true,
      timeZone: portfolio.timeZone,
    };
    await seedApplications(
      db,
      admin,
      { userId: customerSuccess.id },
      created,
      today,
      now,
      (j) => ({
        kind: "new_account",
        payload: newAccount(pendingNames[j] as string, j),
        comment: j === 0 ? "Customer signed last week; please approve before the kick-off." : "",
      }),
      pendingNames.length,
      licenceRows.map((licence) => licence.id),
      notices,
    );
  }
}

type SeededAccount = typeof accounts.$inferSelect;

/**
 * A history of applications through the real use cases: some approved, one rejected, a renewal
 * approved by its rule, and some still pending for the review queue.
 */
async function seedApplications(
  db: Database,
  admin: PartnerUserActor,
  reviewer: { userId: string },
  created: SeededAccount[],
  today: string,
  now: Date,
  newAccountFiling: (j: number) => FileApplicationBody,
  newAccounts: number,
  licenceIds: string[],
  notices: Notices,
): Promise<void> {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const file = (filing: FileApplicationBody, hours: number) =>
    fileApplication({ db, actor: admin, filing, now: hoursAgo(hours), notices });
  const decide = async (
    id: string,
    decision: "approve" | "reject",
    comment: string,
    hours: number,
  ) => {
    const decideWith = decision === "approve" ? approveApplication : rejectApplication;
    await decideWith({
      db,
      actor: reviewer,
      applicationId: id,
      comment,
      now: hoursAgo(hours),
      notices,
    });
  };
  const active = created.filter((account) => account.endsOn > today);
  const roomy = active.filter(
    (account) => account.datapointsContracted - Math.max(20, account.datapointsUsed) >= 30,
  );
  const [grown, texted, relicensed, trimmed, mover, receiver] = [
    active[0],
    active[1],
    active[2],
    roomy[0],
    roomy[1],
    active[3],
  ];
  const expired = created.find((account) => account.endsOn <= today);
  if (!grown || !texted || !relicensed || !trimmed || !mover || !receiver || !expired) return;

  const growth = await file(
    {
      kind: "edit_datapoints",
      accountId: grown.id,
      payload: { change: 100 },
      comment: "New chiller plant to meter",
    },
    96,
  );
  await decide(growth, "approve", "Approved, enjoy the new datapoints.", 94);
  const sms = await file(
    { kind: "buy_sms_credits", accountId: texted.id, payload: { credits: 500 } },
    72,
  );
  await decide(sms, "approve", "", 71);
  const otherLicence = licenceIds.find((id) => id !== relicensed.licenceId) as string;
  const licence = await file(
    { kind: "edit_licence", accountId: relicensed.id, payload: { licenceId: otherLicence } },
    50,
  );
  await decide(
    licence,
    "reject",
    "Please ask your account manager for a quote for this licence first.",
    48,
  );
  await file({ kind: "renew_subscription", accountId: expired.id, payload: {} }, 30);

  await file(
    {
      kind: "edit_datapoints",
      accountId: trimmed.id,
      payload: { change: -10 },
      comment: "Two meters removed",
    },
    6,
  );
  await file(
    {
      kind: "move_datapoints",
      accountId: mover.id,
      payload: { datapoints: 20, targetAccountId: receiver.id },
    },
    5,
  );
  for (let j = 0; j < newAccounts; j++) await file(newAccountFiling(j), j + 1);
}

const DEVICES = [
  "Main meter",
  "HVAC",
  "Lighting",
  "Chiller",
  "PV inverter",
  "EV chargers",
  "Boiler",
  "Weather station",
];
const NON_BILLABLE: DatapointKind[] = ["group", "calculated", "derived", "degree_days"];
const BILLABLE: DatapointKind[] = [
  "meter",
  "meter",
  "meter",
  "weather",
  "virtual",
  "forecasting",
  "carbon",
  "manual_readings",
];

function registeredDatapoints(
  partnerId: string,
  accountId: string,
  billable: number,
  nonBillable: number,
  now: Date,
  next: () => number,
) {
  const kinds = [
    ...Array.from(
      { length: billable },
      () => BILLABLE[Math.floor(next() * BILLABLE.length)] as DatapointKind,
    ),
    ...Array.from(
      { length: nonBillable },
      () => NON_BILLABLE[Math.floor(next() * NON_BILLABLE.length)] as DatapointKind,
    ),
  ];
  return kinds.map((kind, i) => {
    const device = DEVICES[i % DEVICES.length] as string;
    return {
      partnerId,
      accountId,
      externalId: `dp-${String(i + 1).padStart(5, "0")}`,
      name: `${device} ${kind.replace("_", " ")} ${i + 1}`,
      deviceName: device,
      kind,
      billable: isBillable(kind),
      registeredAt: new Date(now.getTime() - Math.floor(next() * 300) * 86_400_000),
    };
  });
}
