import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Catalogue, CatalogueAdmin, CatalogueEntry } from "../../shared/api/catalogue.ts";
import { accounts, securityEvents } from "../db/schema/index.ts";
import {
  type Catalogue as CatalogueFixture,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  newAccountRequest,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let fixture: CatalogueFixture;
let partner: PartnerFixture;
let superAdmin: Session;
let customerSuccess: Session;

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-15T10:00:00Z" });
  fixture = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
});
afterAll(() => t.close());

const unique = () => randomUUID().slice(0, 8);
type Path = "licences" | "bill-management-types" | "sectors";

async function add(path: Path, body: object): Promise<CatalogueEntry> {
  const response = await customerSuccess.request({
    method: "POST",
    url: `/api/v1/catalogue/${path}`,
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const act = (path: Path, id: string, action: "retire" | "restore") =>
  customerSuccess.request({ method: "POST", url: `/api/v1/catalogue/${path}/${id}/${action}` });

const onOffer = async (): Promise<Catalogue> =>
  (await superAdmin.request({ method: "GET", url: "/api/v1/catalogue" })).json();

const kept = async (): Promise<CatalogueAdmin> =>
  (await customerSuccess.request({ method: "GET", url: "/api/v1/catalogue/entries" })).json();

const fileNewAccount = (payload: object) =>
  superAdmin.request({
    method: "POST",
    url: "/api/v1/account-management/applications",
    payload: { kind: "new_account", payload },
  });

const eventsAbout = (subject: string) =>
  t.db
    .select()
    .from(securityEvents)
    .where(eq(securityEvents.subject, subject))
    .orderBy(securityEvents.id);

describe("adding entries", () => {
  it("derives a licence's code from its name, offers it, and logs it", async () => {
    const suffix = unique();
    const name = `Energía Plus ${suffix}`;
    const licence = await add("licences", { name, description: "Everything, and more" });
    expect(licence).toMatchObject({
      code: `energia-plus-${suffix}`,
      name,
      description: "Everything, and more",
      active: true,
      accounts: 0,
    });
    expect((await onOffer()).licences.map((l) => l.id)).toContain(licence.id);
    const [event] = await eventsAbout(name);
    expect(event).toMatchObject({
      kind: "catalogue_entry_created",
      partnerId: null,
      address: "127.0.0.1",
      detail: { section: "licences", code: licence.code, name },
    });
  });

  it("takes a code that is entered, for a type and a sector alike", async () => {
    const code = `bm-${unique()}`;
    const type = await add("bill-management-types", { name: "BM Premium", code });
    expect(type).toMatchObject({ code, description: "" });
    const sector = await add("sectors", { name: "Data centres", code: `dc-${code}` });
    expect(sector).toMatchObject({ id: `dc-${code}`, code: `dc-${code}` });
    expect((await onOffer()).sectors).toContainEqual({ code: `dc-${code}`, name: "Data centres" });
  });

  it("refuses a code the section already has, retired or not, with 409", async () => {
    const first = await add("sectors", { name: `Farming ${unique()}` });
    await act("sectors", first.id, "retire");
    const response = await customerSuccess.request({
      method: "POST",
      url: "/api/v1/catalogue/sectors",
      payload: { name: "Farming again", code: first.code },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: "CATALOGUE_CODE_TAKEN",
      errors: [{ field: "code" }],
    });
  });

  it("asks for a code when the name has none to give, and keeps descriptions for licences", async () => {
    const noLetters = await customerSuccess.request({
      method: "POST",
      url: "/api/v1/catalogue/licences",
      payload: { name: "電力" },
    });
    expect(noLetters.statusCode).toBe(400);
    expect(noLetters.json().errors).toEqual([{ field: "code", message: expect.any(String) }]);

    const described = await customerSuccess.request({
      method: "POST",
      url: "/api/v1/catalogue/sectors",
      payload: { name: "Mining", description: "Underground" },
    });
    expect(described.statusCode).toBe(400);
    expect(described.json().errors[0].field).toBe("description");

    const badCode = await customerSuccess.request({
      method: "POST",
      url: "/api/v1/catalogue/licences",
      payload: { name: "Odd", code: "Not A Code" },
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().errors[0].field).toBe("code");
  });
});

describe("renaming an entry", () => {
  it("keeps its code, shows the new name on the accounts that have it, and logs before and after", async () => {
    const licence = await add("licences", { name: `Basic ${unique()}` });
    const account = await createAccount(t.db, partner.id, { ...fixture, licenceId: licence.id });
    const renamed = `Essential ${unique()}`;
    const response = await customerSuccess.request({
      method: "PUT",
      url: `/api/v1/catalogue/licences/${licence.id}`,
      payload: { name: renamed, description: "The essentials" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ code: licence.code, name: renamed, accounts: 1 });
    const page = await superAdmin.request({ method: "GET", url: `/api/v1/accounts/${account.id}` });
    expect(page.json().licence).toEqual({ id: licence.id, name: renamed });
    const [event] = await eventsAbout(renamed);
    expect(event).toMatchObject({
      kind: "catalogue_entry_renamed",
      detail: {
        section: "licences",
        code: licence.code,
        before: { name: licence.name, description: "" },
        after: { name: renamed, description: "The essentials" },
      },
    });
  });

  it("answers 404 for an entry that does not exist", async () => {
    const response = await customerSuccess.request({
      method: "PUT",
      url: "/api/v1/catalogue/sectors/no-such-sector",
      payload: { name: "Nothing" },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe("a retired entry", () => {
  it("is no longer offered, but stays on its accounts, by name, and in the full catalogue", async () => {
    const licence = await add("licences", { name: `Legacy ${unique()}` });
    const account = await createAccount(t.db, partner.id, { ...fixture, licenceId: licence.id });
    const retired = await act("licences", licence.id, "retire");
    expect(retired.json()).toMatchObject({ active: false, accounts: 1 });

    expect((await onOffer()).licences.map((l) => l.id)).not.toContain(licence.id);
    expect((await kept()).licences).toContainEqual(
      expect.objectContaining({ id: licence.id, active: false }),
    );
    const page = await superAdmin.request({ method: "GET", url: `/api/v1/accounts/${account.id}` });
    expect(page.json().licence).toEqual({ id: licence.id, name: licence.name });
    const kinds = (await eventsAbout(licence.name)).map((e) => e.kind);
    expect(kinds).toEqual(["catalogue_entry_created", "catalogue_entry_retired"]);
  });

  it("cannot be chosen in a new application: licence, Bill Management type and sector are each refused", async () => {
    const licence = await add("licences", { name: `Old licence ${unique()}` });
    const type = await add("bill-management-types", { name: `Old BM ${unique()}` });
    const sector = await add("sectors", { name: `Old sector ${unique()}` });
    const request = newAccountRequest(fixture, {
      licenceId: licence.id,
      billManagementTypeId: type.id,
      sectorCode: sector.id,
    });
    await act("licences", licence.id, "retire");
    await act("bill-management-types", type.id, "retire");
    await act("sectors", sector.id, "retire");

    const response = await fileNewAccount(request);
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["payload.billManagementTypeId", "payload.licenceId", "payload.sectorCode"]);
  });

  it("cannot be chosen in a licence change or a meter upgrade", async () => {
    const licence = await add("licences", { name: `Gone ${unique()}` });
    const type = await add("bill-management-types", { name: `Gone BM ${unique()}` });
    await act("licences", licence.id, "retire");
    await act("bill-management-types", type.id, "retire");
    const account = await createAccount(t.db, partner.id, fixture, { endsOn: "2026-12-31" });
    const file = (kind: string, payload: object) =>
      superAdmin.request({
        method: "POST",
        url: "/api/v1/account-management/applications",
        payload: { kind, accountId: account.id, payload },
      });

    const licenceChange = await file("edit_licence", { licenceId: licence.id });
    expect(licenceChange.statusCode).toBe(400);
    expect(licenceChange.json().errors).toEqual([
      { field: "payload.licenceId", message: "Choose a licence from the catalogue" },
    ]);
    const upgrade = await file("upgrade_meters", {
      rtmMeters: 0,
      additionalPods: 0,
      billManagementTypeId: type.id,
      rtcLines: 0,
    });
    expect(upgrade.statusCode).toBe(400);
    expect(upgrade.json().errors[0].field).toBe("payload.billManagementTypeId");
  });

  it("keeps its name in a licence change away from it, and stays through a meter upgrade", async () => {
    const licence = await add("licences", { name: `Sunset ${unique()}` });
    const type = await add("bill-management-types", { name: `Sunset BM ${unique()}` });
    const account = await createAccount(t.db, partner.id, {
      ...fixture,
      licenceId: licence.id,
    });
    await t.db
      .update(accounts)
      .set({ billManagementTypeId: type.id })
      .where(eq(accounts.id, account.id));
    await act("licences", licence.id, "retire");
    await act("bill-management-types", type.id, "retire");
    const file = (kind: string, payload: object) =>
      superAdmin.request({
        method: "POST",
        url: "/api/v1/account-management/applications",
        payload: { kind, accountId: account.id, payload },
      });

    const moved = await file("edit_licence", { licenceId: fixture.otherLicenceId });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json().changes).toEqual([
      expect.objectContaining({ field: "licenceId", before: licence.name }),
    ]);
    const upgraded = await file("upgrade_meters", {
      rtmMeters: 3,
      additionalPods: 0,
      billManagementTypeId: type.id,
      rtcLines: 0,
    });
    expect(upgraded.statusCode, upgraded.body).toBe(201);
  });

  it("retired after a new account was filed, is flagged to the reviewer and refused on approval", async () => {
    const licence = await add("licences", { name: `Brief ${unique()}` });
    const filed = await fileNewAccount(newAccountRequest(fixture, { licenceId: licence.id }));
    expect(filed.statusCode, filed.body).toBe(201);
    await act("licences", licence.id, "retire");
    const url = `/api/v1/review/applications/${filed.json().id}`;

    const review = await customerSuccess.request({ method: "GET", url });
    expect(review.json().problems).toEqual([
      { field: "payload.licenceId", message: "Choose a licence from the catalogue" },
    ]);
    const approval = await customerSuccess.request({
      method: "POST",
      url: `${url}/approve`,
      payload: { comment: "Welcome" },
    });
    expect(approval.statusCode).toBe(409);
    expect(approval.json().code).toBe("APPLICATION_NO_LONGER_VALID");
  });

  it("is offered again once restored, and retiring or restoring twice changes nothing", async () => {
    const sector = await add("sectors", { name: `Seasonal ${unique()}` });
    await act("sectors", sector.id, "retire");
    await act("sectors", sector.id, "retire");
    expect((await onOffer()).sectors.map((s) => s.code)).not.toContain(sector.id);
    const restored = await act("sectors", sector.id, "restore");
    expect(restored.json()).toMatchObject({ active: true });
    await act("sectors", sector.id, "restore");
    expect((await onOffer()).sectors.map((s) => s.code)).toContain(sector.id);
    expect(
      await fileNewAccount(newAccountRequest(fixture, { sectorCode: sector.id })),
    ).toHaveProperty("statusCode", 201);
    const kinds = (await eventsAbout(sector.name)).map((e) => e.kind);
    expect(kinds).toEqual([
      "catalogue_entry_created",
      "catalogue_entry_retired",
      "catalogue_entry_restored",
    ]);
  });
});
