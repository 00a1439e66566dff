import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Partner, PartnerBody, PartnerDetail } from "../../shared/api/partners.ts";
import { invitations, partners, securityEvents, sessions } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let catalogue: Catalogue;
let customerSuccess: Session;

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
});
afterAll(() => t.close());

let made = 0;
const newPartner = (values: Partial<PartnerBody> = {}): PartnerBody => ({
  name: `Enérgya ${Date.now().toString(36)}-${++made}`,
  country: "ES",
  timeZone: "Europe/Madrid",
  defaultLanguage: "es",
  ...values,
});

async function create(values: PartnerBody): Promise<Partner> {
  const response = await customerSuccess.request({
    method: "POST",
    url: "/api/v1/partners",
    payload: values,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function detail(id: string): Promise<PartnerDetail> {
  const response = await customerSuccess.request({ method: "GET", url: `/api/v1/partners/${id}` });
  expect(response.statusCode).toBe(200);
  return response.json();
}

const eventsOf = (partnerId: string) =>
  t.db
    .select()
    .from(securityEvents)
    .where(eq(securityEvents.partnerId, partnerId))
    .orderBy(securityEvents.id);

describe("creating a partner", () => {
  it("makes an active partner with its country, time zone and default language, and logs it", async () => {
    const values = newPartner();
    const created = await create(values);
    expect(created).toMatchObject({
      ...values,
      status: "active",
      suspendedAt: null,
      createdAt: "2026-03-15T10:00:00.000Z",
      userCount: 0,
      accountCount: 0,
    });
    const [event] = await eventsOf(created.id);
    expect(event).toMatchObject({
      kind: "partner_created",
      subject: values.name,
      actorName: "Customer Success",
      address: "127.0.0.1",
      detail: values,
    });
  });

  it("refuses a name another partner has, whatever its letter case, with 409", async () => {
    const values = newPartner();
    await create(values);
    const response = await customerSuccess.request({
      method: "POST",
      url: "/api/v1/partners",
      payload: { ...values, name: values.name.toUpperCase() },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: "PARTNER_NAME_TAKEN",
      detail: `A partner named "${values.name.toUpperCase()}" already exists.`,
      errors: [{ field: "name" }],
    });
  });

  it("says which field is wrong: an unknown country, a time zone that is no IANA zone, a language we do not write in", async () => {
    const response = await customerSuccess.request({
      method: "POST",
      url: "/api/v1/partners",
      payload: newPartner({ country: "XX", timeZone: "+01:00", defaultLanguage: "fr" as "en" }),
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["country", "defaultLanguage", "timeZone"]);
  });
});

describe("changing a partner", () => {
  it("renames it and moves it, and logs only what changed, before and after", async () => {
    const created = await create(newPartner());
    const renamed = `${created.name} Iberia`;
    const response = await customerSuccess.request({
      method: "PUT",
      url: `/api/v1/partners/${created.id}`,
      payload: newPartner({ name: renamed, timeZone: "Atlantic/Canary" }),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: renamed, timeZone: "Atlantic/Canary" });
    const changed = (await eventsOf(created.id)).filter((e) => e.kind === "partner_changed");
    expect(changed.map((e) => e.detail)).toEqual([
      {
        before: { name: created.name, timeZone: "Europe/Madrid" },
        after: { name: renamed, timeZone: "Atlantic/Canary" },
      },
    ]);
  });

  it("records nothing when nothing changes", async () => {
    const values = newPartner();
    const created = await create(values);
    const response = await customerSuccess.request({
      method: "PUT",
      url: `/api/v1/partners/${created.id}`,
      payload: values,
    });
    expect(response.statusCode).toBe(200);
    expect((await eventsOf(created.id)).map((e) => e.kind)).toEqual(["partner_created"]);
  });

  it("refuses to rename it to another partner's name", async () => {
    const taken = await create(newPartner());
    const created = await create(newPartner());
    const response = await customerSuccess.request({
      method: "PUT",
      url: `/api/v1/partners/${created.id}`,
      payload: newPartner({ name: taken.name }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("PARTNER_NAME_TAKEN");
  });

  it("answers 404 for a partner that does not exist", async () => {
    const response = await customerSuccess.request({
      method: "PUT",
      url: "/api/v1/partners/00000000-0000-4000-8000-000000000000",
      payload: newPartner(),
    });
    expect(response.statusCode).toBe(404);
  });
});

describe("suspending a partner", () => {
  it("ends its users' sessions at once, leaves other partners signed in, and logs it", async () => {
    const partner = await createPartner(t.db);
    const other = await createPartner(t.db);
    const admin = await signIn(t.app, partner.superAdmin.email);
    const user = await signIn(t.app, partner.accountUser.email);
    const outsider = await signIn(t.app, other.superAdmin.email);
    const me = (session: Session) => session.request({ method: "GET", url: "/api/v1/me" });
    expect((await me(admin)).statusCode).toBe(200);

    const response = await customerSuccess.request({
      method: "POST",
      url: `/api/v1/partners/${partner.id}/suspend`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: "suspended",
      suspendedAt: "2026-03-15T10:00:00.000Z",
    });
    expect((await me(admin)).statusCode).toBe(401);
    expect((await me(user)).statusCode).toBe(401);
    expect((await me(outsider)).statusCode).toBe(200);
    const left = await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, partner.superAdmin.id));
    expect(left).toEqual([]);
    const [suspended] = (await eventsOf(partner.id)).filter((e) => e.kind === "partner_suspended");
    expect(suspended?.detail).toEqual({ sessionsEnded: 2 });
  });

  it("keeps its users from signing in until it is reinstated, which lets them in again", async () => {
    const partner = await createPartner(t.db);
    const suspend = () =>
      customerSuccess.request({ method: "POST", url: `/api/v1/partners/${partner.id}/suspend` });
    expect((await suspend()).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await suspend()).json().suspendedAt).toBe("2026-03-15T10:00:00.000Z");
    t.clock.set("2026-03-15T10:00:00Z");
    await expect(signIn(t.app, partner.superAdmin.email)).rejects.toThrow(/sign-in .* failed/);

    const reinstated = await customerSuccess.request({
      method: "POST",
      url: `/api/v1/partners/${partner.id}/reinstate`,
    });
    expect(reinstated.json()).toMatchObject({ status: "active", suspendedAt: null });
    const admin = await signIn(t.app, partner.superAdmin.email);
    expect((await admin.request({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
    const kinds = (await eventsOf(partner.id)).map((e) => e.kind);
    expect(kinds.filter((kind) => kind.startsWith("partner_"))).toEqual([
      "partner_suspended",
      "partner_reinstated",
    ]);
  });

  it("keeps the partner's data: its accounts and users are all still there", async () => {
    const partner = await createPartner(t.db);
    await createAccount(t.db, partner.id, catalogue);
    await customerSuccess.request({
      method: "POST",
      url: `/api/v1/partners/${partner.id}/suspend`,
    });
    const page = await detail(partner.id);
    expect(page.accounts).toHaveLength(1);
    expect(page.users).toHaveLength(2);
    const [row] = await t.db.select().from(partners).where(eq(partners.id, partner.id));
    expect(row?.suspendedAt).toEqual(new Date("2026-03-15T10:00:00Z"));
  });
});

describe("the partners list and a partner's page", () => {
  it("lists partners by name with how many users and accounts each has, and finds them by name", async () => {
    const partner = await createPartner(t.db);
    await createAccount(t.db, partner.id, catalogue);
    await createAccount(t.db, partner.id, catalogue);
    const [row] = await t.db.select().from(partners).where(eq(partners.id, partner.id));
    const response = await customerSuccess.request({
      method: "GET",
      url: `/api/v1/partners?q=${encodeURIComponent(row?.name ?? "")}`,
    });
    expect(response.json()).toMatchObject({
      total: 1,
      items: [{ id: partner.id, userCount: 2, accountCount: 2, status: "active" }],
    });
  });

  it("shows a partner's users, its accounts with their licence, status and end, and open invitations", async () => {
    const partner = await createPartner(t.db);
    const account = await createAccount(t.db, partner.id, catalogue, { endsOn: "2026-03-01" });
    const invited = await customerSuccess.request({
      method: "POST",
      url: `/api/v1/partners/${partner.id}/super-admin-invitations`,
      payload: { name: "Lucía Pérez", email: `lucia-${partner.id}@partner.test` },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toMatchObject({ userType: "super_admin", name: "Lucía Pérez" });

    const page = await detail(partner.id);
    expect(page.users.map((u) => [u.email, u.userType, u.status])).toEqual(
      expect.arrayContaining([
        [partner.superAdmin.email, "super_admin", "active"],
        [partner.accountUser.email, "client", "active"],
      ]),
    );
    expect(page.accounts).toEqual([
      {
        id: account.id,
        name: account.name,
        licence: { id: catalogue.licenceId, name: expect.any(String) },
        status: "expired",
        endsOn: "2026-03-01",
      },
    ]);
    expect(page.invitations).toMatchObject([
      { email: `lucia-${partner.id}@partner.test`, userType: "super_admin", expired: false },
    ]);
  });
});

describe("inviting a partner's first SuperAdmin", () => {
  it("sends a SuperAdmin invitation in the partner's default language and logs it", async () => {
    const created = await create(newPartner({ defaultLanguage: "es" }));
    const email = `first-${created.id}@partner.test`;
    const response = await customerSuccess.request({
      method: "POST",
      url: `/api/v1/partners/${created.id}/super-admin-invitations`,
      payload: { name: "Marta Ruiz", email },
    });
    expect(response.statusCode).toBe(201);
    const [row] = await t.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.partnerId, created.id), eq(invitations.email, email)));
    expect(row).toMatchObject({ userType: "super_admin", language: "es" });
    expect((await eventsOf(created.id)).map((e) => e.kind)).toContain("invitation_sent");
  });

  it("refuses an address that already has a user", async () => {
    const partner = await createPartner(t.db);
    const response = await customerSuccess.request({
      method: "POST",
      url: `/api/v1/partners/${partner.id}/super-admin-invitations`,
      payload: { name: "Again", email: partner.accountUser.email },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("EMAIL_ALREADY_IN_USE");
  });

  it("answers 404 for a partner that does not exist", async () => {
    const response = await customerSuccess.request({
      method: "POST",
      url: "/api/v1/partners/00000000-0000-4000-8000-000000000000/super-admin-invitations",
      payload: { name: "Nobody", email: "nobody@partner.test", language: "es" },
    });
    expect(response.statusCode).toBe(404);
  });
});
