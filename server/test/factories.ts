/**
 * Test data: every test makes its own partner (and catalogue entries with unique codes), so tests
 * never see each other's rows, even on one shared PostgreSQL database.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { NewAccountRequest } from "../../shared/domain/application-requests.ts";
import { addMonths } from "../../shared/domain/calendar.ts";
import { createUser } from "../auth/users.ts";
import type { Database } from "../db/client.ts";
import {
  accountAccess,
  accounts,
  billManagementTypes,
  licences,
  partners,
  sectors,
} from "../db/schema/index.ts";
import { openUsage } from "../usage/ledger.ts";

const unique = () => randomUUID().slice(0, 8);

/** Every test user's password. */
export const TEST_PASSWORD = "correct horse battery";

export interface Catalogue {
  licenceId: string;
  otherLicenceId: string;
  billManagementTypeId: string;
  sectorCode: string;
}

export async function createCatalogue(db: Database): Promise<Catalogue> {
  const suffix = unique();
  const [starter, pro] = await db
    .insert(licences)
    .values([
      { code: `starter-${suffix}`, name: `Starter ${suffix}` },
      { code: `pro-${suffix}`, name: `Professional ${suffix}` },
    ])
    .returning();
  const [bmType] = await db
    .insert(billManagementTypes)
    .values({ code: `bm-${suffix}`, name: `BM ${suffix}` })
    .returning();
  const [sector] = await db
    .insert(sectors)
    .values({ code: `retail-${suffix}`, name: `Retail ${suffix}` })
    .returning();
  if (!starter || !pro || !bmType || !sector) throw new Error("catalogue not created");
  return {
    licenceId: starter.id,
    otherLicenceId: pro.id,
    billManagementTypeId: bmType.id,
    sectorCode: sector.code,
  };
}

export interface PartnerFixture {
  id: string;
  superAdmin: { id: string; email: string };
  accountUser: { id: string; email: string };
}

export async function createPartner(
  db: Database,
  options: { timeZone?: string } = {},
): Promise<PartnerFixture> {
  const suffix = unique();
  const [partner] = await db
    .insert(partners)
    .values({ name: `Partner ${suffix}`, timeZone: options.timeZone ?? "UTC", country: "ES" })
    .returning();
  if (!partner) throw new Error("partner not created");
  const superAdminEmail = `admin-${suffix}@partner.test`;
  const accountUserEmail = `user-${suffix}@partner.test`;
  const superAdmin = await createUser(db, {
    email: superAdminEmail,
    name: `Admin ${suffix}`,
    password: TEST_PASSWORD,
    role: "partner",
    partnerId: partner.id,
    userType: "super_admin",
  });
  const accountUser = await createUser(db, {
    email: accountUserEmail,
    name: `User ${suffix}`,
    password: TEST_PASSWORD,
    role: "partner",
    partnerId: partner.id,
  });
  return {
    id: partner.id,
    superAdmin: { id: superAdmin.id, email: superAdminEmail },
    accountUser: { id: accountUser.id, email: accountUserEmail },
  };
}

export async function createCustomerSuccess(db: Database): Promise<{ id: string; email: string }> {
  const email = `cs-${unique()}@wattfolio.test`;
  const user = await createUser(db, {
    email,
    name: "Customer Success",
    password: TEST_PASSWORD,
    role: "customer_success",
  });
  return { id: user.id, email };
}

export async function createAccount(
  db: Database,
  partnerId: string,
  catalogue: Catalogue,
  values: Partial<typeof accounts.$inferInsert> & { endsOn?: string } = {},
): Promise<typeof accounts.$inferSelect> {
  const endsOn = values.endsOn ?? "2027-01-01";
  const [account] = await db
    .insert(accounts)
    .values({
      partnerId,
      name: `Account ${unique()}`,
      customerName: "Customer",
      country: "ES",
      sectorCode: catalogue.sectorCode,
      licenceId: catalogue.licenceId,
      startsOn: addMonths(endsOn, -12),
      datapointsContracted: 100,
      ...values,
      endsOn,
    })
    .returning();
  if (!account) throw new Error("account not created");
  // Opened when its term began, so that histories of test accounts start before the tests' clocks.
  await openUsage(db, account, { at: new Date(`${account.startsOn}T00:00:00Z`) });
  return account;
}

export async function grantAccess(
  db: Database,
  partnerId: string,
  accountId: string,
  userId: string,
): Promise<void> {
  await db.insert(accountAccess).values({ partnerId, accountId, userId });
}

export async function accountById(db: Database, id: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, id));
  return account;
}

export function newAccountRequest(
  catalogue: Catalogue,
  overrides: Partial<NewAccountRequest> = {},
): NewAccountRequest {
  return {
    name: `New account ${unique()}`,
    customerName: "Hoteles Mar Azul",
    country: "ES",
    licenceId: catalogue.licenceId,
    datapoints: 250,
    billManagementTypeId: catalogue.billManagementTypeId,
    rtmMeters: 4,
    additionalPods: 2,
    periodMonths: 12,
    sectorCode: catalogue.sectorCode,
    smsCredits: 500,
    rtcLines: 3,
    emailDomain: "mail.marazul.example",
    comment: "Kick-off next month",
    ...overrides,
  };
}
