/**
 * The Customer Success review queue as a triage list: filtered by partner and kind, searched by
 * account, customer, partner or requester, and telling how long each pending application waited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  newAccountRequest,
  type PartnerFixture,
} from "../test/factories.ts";
import { anonymous, type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let catalogue: Catalogue;
let north: PartnerFixture;
let south: PartnerFixture;
let northAdmin: Session;
let southAdmin: Session;
let customerSuccess: Session;
/** Applications filed in beforeAll, by what tells them apart. */
const filed: Record<"northNew" | "northChange" | "southChange", string> = {
  northNew: "",
  northChange: "",
  southChange: "",
};

interface Item {
  id: string;
  kind: string;
  status: string;
  partner: { id: string; name: string };
  waitingSeconds: number | null;
}

async function fileOk(session: Session, payload: object): Promise<string> {
  const response = await session.request({
    method: "POST",
    url: "/api/v1/account-management/applications",
    payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function queue(query: string, session = customerSuccess) {
  return session.request({ method: "GET", url: `/api/v1/review/applications?${query}` });
}

async function idsOf(query: string): Promise<string[]> {
  const response = await queue(query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((item: Item) => item.id);
}

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-10T08:00:00Z" });
  catalogue = await createCatalogue(t.db);
  north = await createPartner(t.db);
  south = await createPartner(t.db);
  northAdmin = await signIn(t.app, north.superAdmin.email);
  southAdmin = await signIn(t.app, south.superAdmin.email);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);

  const lighthouse = await createAccount(t.db, north.id, catalogue, {
    name: "Lighthouse 100%_Offices",
    customerName: "Faro Norte SL",
    endsOn: "2026-12-31",
    datapointsContracted: 500,
  });
  const harbour = await createAccount(t.db, south.id, catalogue, {
    name: "Harbour Depot",
    customerName: "Puerto Sur SA",
    endsOn: "2026-12-31",
    datapointsContracted: 500,
  });

  t.clock.set("2026-03-10T08:00:00Z");
  filed.southChange = await fileOk(southAdmin, {
    kind: "edit_datapoints",
    accountId: harbour.id,
    payload: { change: 20 },
  });
  t.clock.set("2026-03-12T09:00:00Z");
  filed.northNew = await fileOk(northAdmin, {
    kind: "new_account",
    payload: newAccountRequest(catalogue, { name: "Ribera Solar Park", customerName: "Ribera SA" }),
  });
  t.clock.set("2026-03-13T06:00:00Z");
  filed.northChange = await fileOk(northAdmin, {
    kind: "edit_datapoints",
    accountId: lighthouse.id,
    payload: { change: 30 },
  });
  t.clock.set("2026-03-13T08:00:00Z");
});
afterAll(() => t.close());

describe("filtering the review queue", () => {
  it("lists only one partner's applications when asked for that partner", async () => {
    expect(await idsOf(`partnerId=${north.id}`)).toEqual([filed.northNew, filed.northChange]);
    expect(await idsOf(`partnerId=${south.id}`)).toEqual([filed.southChange]);
  });

  it("lists only one kind of application when asked for that kind", async () => {
    const changes = await idsOf("kind=edit_datapoints&status=pending&pageSize=100");
    expect(changes).toContain(filed.northChange);
    expect(changes).toContain(filed.southChange);
    expect(changes).not.toContain(filed.northNew);
    expect(await idsOf(`kind=new_account&partnerId=${north.id}`)).toEqual([filed.northNew]);
  });

  it("keeps the oldest pending application first", async () => {
    const ids = await idsOf("status=pending&pageSize=100");
    const ours = ids.filter((id) => Object.values(filed).includes(id));
    expect(ours).toEqual([filed.southChange, filed.northNew, filed.northChange]);
  });
});

describe("searching the review queue", () => {
  it.each([
    ["the account's name, in any case", "lighthouse", ["northChange"]],
    ["the customer's name", "PUERTO SUR", ["southChange"]],
    ["a new account's name", "ribera solar", ["northNew"]],
    ["a new account's customer", "Ribera SA", ["northNew"]],
    ["the partner's name", "__north__", ["northNew", "northChange"]],
    ["the requester's name", "__southAdmin__", ["southChange"]],
    ["LIKE wildcards taken literally", "100%_off", ["northChange"]],
    ["a percent sign, only where one is written", "%", ["northChange"]],
  ] as const)("finds applications by %s", async (_case, q, expected) => {
    const names: Record<string, string> = {
      __north__: (await partnerName(north.id)).toLowerCase(),
      __southAdmin__: await requesterName(filed.southChange),
    };
    const search = names[q] ?? q;
    const ids = await idsOf(`q=${encodeURIComponent(search)}&pageSize=100`);
    expect(ids).toEqual(expected.map((key) => filed[key]));
  });

  it("combines the search with the filters and counts what it found", async () => {
    const response = await queue(`q=ribera&kind=edit_datapoints`);
    expect(response.json()).toMatchObject({ items: [], total: 0 });
    const found = await queue(`q=ribera&kind=new_account&partnerId=${north.id}`);
    expect(found.json()).toMatchObject({ items: [{ id: filed.northNew }], total: 1 });
  });

  it("within one partner finds that partner's applications by text the other partner's share", async () => {
    // "ou": Lighthouse (north) and Harbour (south).
    expect(await idsOf(`q=ou&partnerId=${north.id}`)).toEqual([filed.northChange]);
    expect(await idsOf(`q=ou&partnerId=${south.id}`)).toEqual([filed.southChange]);
  });

  it("pages the results it found", async () => {
    const first = await queue(`partnerId=${north.id}&pageSize=1&page=1`);
    const second = await queue(`partnerId=${north.id}&pageSize=1&page=2`);
    expect(first.json()).toMatchObject({ items: [{ id: filed.northNew }], total: 2 });
    expect(second.json()).toMatchObject({ items: [{ id: filed.northChange }], total: 2 });
  });
});

async function partnerName(partnerId: string): Promise<string> {
  const response = await customerSuccess.request({
    method: "GET",
    url: `/api/v1/partners/${partnerId}`,
  });
  return response.json().name;
}

async function requesterName(applicationId: string): Promise<string> {
  const response = await customerSuccess.request({
    method: "GET",
    url: `/api/v1/review/applications/${applicationId}`,
  });
  return response.json().requestedBy.name;
}

describe("how long an application has waited", () => {
  it("counts from its filing to the application's clock, not the real one", async () => {
    const response = await queue(`partnerId=${north.id}`);
    const byId = new Map(response.json().items.map((item: Item) => [item.id, item]));
    // Filed 2026-03-12 09:00 and 2026-03-13 06:00; the clock says 2026-03-13 08:00.
    expect(byId.get(filed.northNew)).toMatchObject({ waitingSeconds: 23 * 3600 });
    expect(byId.get(filed.northChange)).toMatchObject({ waitingSeconds: 2 * 3600 });

    t.clock.set("2026-03-16T08:00:00Z");
    const later = await customerSuccess.request({
      method: "GET",
      url: `/api/v1/review/applications/${filed.southChange}`,
    });
    expect(later.json().waitingSeconds).toBe(6 * 86400);
    t.clock.set("2026-03-13T08:00:00Z");
  });

  it("stops counting once the application is decided", async () => {
    const other = await createPartner(t.db);
    const admin = await signIn(t.app, other.superAdmin.email);
    const id = await fileOk(admin, { kind: "new_account", payload: newAccountRequest(catalogue) });
    const rejected = await customerSuccess.request({
      method: "POST",
      url: `/api/v1/review/applications/${id}/reject`,
      payload: { comment: "Not this one" },
    });
    expect(rejected.json()).toMatchObject({ status: "rejected", waitingSeconds: null });
  });
});

describe("who reaches the review queue, and what it refuses", () => {
  it("answers Customer Success only", async () => {
    expect((await queue("", northAdmin)).statusCode).toBe(403);
    expect((await queue("", await signIn(t.app, north.accountUser.email))).statusCode).toBe(403);
    expect((await queue("", anonymous(t.app))).statusCode).toBe(401);
    expect((await queue("")).statusCode).toBe(200);
  });

  it("lets a SuperAdmin search only their own partner's applications", async () => {
    const response = await northAdmin.request({
      method: "GET",
      url: `/api/v1/account-management/applications?q=${encodeURIComponent("Puerto Sur")}`,
    });
    expect(response.json()).toMatchObject({ items: [], total: 0 });
  });

  it.each([
    ["an unknown kind", "kind=new_licence", "kind"],
    ["an unknown status", "status=lost", "status"],
    ["a partner id that is not an id", "partnerId=north", "partnerId"],
    ["a page size over 100", "pageSize=1000", "pageSize"],
    ["a page far beyond any list", "page=99999999999", "page"],
    ["a page that is not a number", "page=two", "page"],
    ["a search over 100 characters", `q=${"x".repeat(101)}`, "q"],
  ])("refuses %s with 400 naming the field", async (_case, query, field) => {
    const response = await queue(query);
    expect(response.statusCode, response.body).toBe(400);
    expect(JSON.stringify(response.json())).toContain(field);
  });
});
