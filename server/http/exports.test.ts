/**
 * CSV exports of the three Account management zones and of an account's datapoints: the rows the
 * zone shows (every page of them), as a file a spreadsheet opens, and nothing of another partner.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../shared/domain/csv.ts";
import { CSV_COLUMNS } from "../../shared/domain/datapoints-csv.ts";
import { accounts } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let catalogue: Catalogue;
let partner: PartnerFixture;
let superAdmin: Session;

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
});
afterAll(() => t.close());

/** The file's records as a spreadsheet reads them: the header, then one row per record. */
async function download(session: Session, url: string) {
  const response = await session.request({ method: "GET", url });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
  expect(response.body.startsWith("\uFEFF")).toBe(true);
  const { records, errors } = parseCsv(response.body);
  expect(errors).toEqual([]);
  const [header, ...rows] = records.map((r) => r.fields);
  return { header: header ?? [], rows };
}

describe("CSV exports of the Account management zones", () => {
  it("exports the whole Active accounts zone, more than a page of it, and the Expired zone apart", async () => {
    const names: string[] = [];
    for (let n = 0; n < 30; n++) {
      const account = await createAccount(t.db, partner.id, catalogue, {
        name: `Active, "quoted" ${String(n).padStart(2, "0")}`,
        endsOn: "2026-12-31",
        datapointsContracted: 120,
        datapointsUsed: 20,
      });
      names.push(account.name);
    }
    const expired = await createAccount(t.db, partner.id, catalogue, { endsOn: "2026-03-01" });
    await createAccount(t.db, (await createPartner(t.db)).id, catalogue, { name: "Not mine" });

    const active = await download(
      superAdmin,
      "/api/v1/account-management/accounts/export.csv?sort=name",
    );
    expect(active.header.slice(0, 3)).toEqual(["id", "name", "customer_name"]);
    expect(active.rows.map((r) => r[1])).toEqual(names);
    const row = Object.fromEntries(active.header.map((column, i) => [column, active.rows[0]?.[i]]));
    expect(row).toMatchObject({
      status: "active",
      ends_on: "2026-12-31",
      datapoints_contracted: "120",
      datapoints_used: "20",
      datapoints_left: "100",
    });

    const expiredZone = await download(
      superAdmin,
      "/api/v1/account-management/accounts/export.csv?zone=expired",
    );
    expect(expiredZone.rows.map((r) => r[0])).toEqual([expired.id]);
  });

  it("exports a zone of more accounts than one read holds with each account once, in the zone's order", async () => {
    // Another partner's portfolio of 1,100 accounts sharing a handful of end dates: three reads of
    // 500, each following the last one's cursor through accounts that tie on their end date.
    const large = await createPartner(t.db);
    const endsOn = ["2026-06-30", "2026-09-30", "2026-12-31"];
    await t.db.insert(accounts).values(
      Array.from({ length: 1_100 }, (_, n) => ({
        partnerId: large.id,
        name: `Site ${String(n).padStart(4, "0")}`,
        customerName: "Large",
        country: "ES",
        sectorCode: catalogue.sectorCode,
        licenceId: catalogue.licenceId,
        startsOn: "2026-01-01",
        endsOn: endsOn[n % endsOn.length] as string,
        datapointsContracted: 100,
      })),
    );
    const session = await signIn(t.app, large.superAdmin.email);
    const { header, rows } = await download(
      session,
      "/api/v1/account-management/accounts/export.csv?sort=endsOn",
    );
    const at = (column: string) => header.indexOf(column);
    expect(rows).toHaveLength(1_100);
    expect(new Set(rows.map((r) => r[at("id")])).size).toBe(1_100);
    const ends = rows.map((r) => r[at("ends_on")] ?? "");
    expect(ends).toEqual([...ends].sort());
  });

  it("exports the Applications zone with what each asks and its decision", async () => {
    const account = await createAccount(t.db, partner.id, catalogue, { endsOn: "2026-12-31" });
    const filed = await superAdmin.request({
      method: "POST",
      url: "/api/v1/account-management/applications",
      payload: {
        kind: "buy_sms_credits",
        accountId: account.id,
        payload: { credits: 300 },
        comment: "For alerts",
      },
    });
    expect(filed.statusCode).toBe(201);
    const { header, rows } = await download(
      superAdmin,
      "/api/v1/account-management/applications/export.csv",
    );
    const mine = rows.find((r) => r[0] === filed.json().id);
    const record = Object.fromEntries(header.map((column, i) => [column, mine?.[i]]));
    expect(record).toMatchObject({
      kind: "buy_sms_credits",
      status: "pending",
      account: account.name,
      comment: "For alerts",
      decided_by: "",
    });
  });

  it("answers only SuperAdmins", async () => {
    const user = await signIn(t.app, partner.accountUser.email);
    const response = await user.request({
      method: "GET",
      url: "/api/v1/account-management/accounts/export.csv",
    });
    expect(response.statusCode).toBe(403);
  });
});

describe("CSV export of an account's datapoints", () => {
  it("exports every datapoint with the import's columns first, and refuses another partner's account", async () => {
    const account = await createAccount(t.db, partner.id, catalogue, { endsOn: "2026-12-31" });
    const registered = await superAdmin.request({
      method: "POST",
      url: `/api/v1/usage/accounts/${account.id}/datapoints`,
      payload: {
        datapoints: [
          { externalId: "m-1", name: "Main meter", deviceName: "Board, east", kind: "meter" },
          { externalId: "g-1", name: "All floors", deviceName: "Board, east", kind: "group" },
        ],
      },
    });
    expect(registered.statusCode, registered.body).toBe(200);
    const { header, rows } = await download(
      superAdmin,
      `/api/v1/usage/accounts/${account.id}/datapoints/export.csv`,
    );
    expect(header.slice(0, CSV_COLUMNS.length)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ["g-1", "All floors", "Board, east", "group", "false"],
      ["m-1", "Main meter", "Board, east", "meter", "true"],
    ]);

    const other = await createAccount(t.db, (await createPartner(t.db)).id, catalogue);
    const refused = await superAdmin.request({
      method: "GET",
      url: `/api/v1/usage/accounts/${other.id}/datapoints/export.csv`,
    });
    expect(refused.statusCode).toBe(404);
  });
});
