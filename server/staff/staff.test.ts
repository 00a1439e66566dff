/**
 * The Customer Success team on a database of its own: "the last active member" counts every staff
 * user, so no other test file's may be in it.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../../shared/api/staff.ts";
import { invitations, securityEvents, sessions, users } from "../db/schema/index.ts";
import { createCustomerSuccess, createPartner } from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { deactivateStaffMember } from "./deactivate-staff-member.ts";

let t: TestApp;
let me: { id: string; email: string };
let session: Session;

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-15T10:00:00Z", isolated: true });
  me = await createCustomerSuccess(t.db);
  session = await signIn(t.app, me.email);
});
afterAll(() => t.close());

const staffPage = async (): Promise<Staff> =>
  (await session.request({ method: "GET", url: "/api/v1/staff" })).json();

const deactivate = (id: string, by = session) =>
  by.request({ method: "POST", url: `/api/v1/staff/${id}/deactivate` });

const eventsAbout = (subject: string) =>
  t.db
    .select()
    .from(securityEvents)
    .where(eq(securityEvents.subject, subject))
    .orderBy(securityEvents.id);

describe("the staff page", () => {
  it("lists the team, active members first, with the colleagues invited", async () => {
    const colleague = await createCustomerSuccess(t.db);
    await deactivate(colleague.id);
    const invited = await session.request({
      method: "POST",
      url: "/api/v1/staff/invitations",
      payload: { name: "Nuria Gil", email: "nuria@wattfolio.test" },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toMatchObject({
      name: "Nuria Gil",
      email: "nuria@wattfolio.test",
      invitedBy: { id: me.id },
      expired: false,
    });

    const page = await staffPage();
    const statuses = page.members.map((member) => member.status);
    expect(statuses.indexOf("deactivated")).toBeGreaterThan(statuses.lastIndexOf("active"));
    expect(page.members.find((member) => member.id === colleague.id)).toMatchObject({
      status: "deactivated",
      deactivatedAt: "2026-03-15T10:00:00.000Z",
    });
    expect(page.invitations.map((invitation) => invitation.email)).toContain(
      "nuria@wattfolio.test",
    );
  });

  it("does not list a partner's users", async () => {
    const partner = await createPartner(t.db);
    const ids = (await staffPage()).members.map((member) => member.id);
    expect(ids).not.toContain(partner.superAdmin.id);
  });
});

describe("inviting a colleague", () => {
  it("sends a staff invitation, without partner or type, and logs it", async () => {
    const email = "pablo@wattfolio.test";
    const response = await session.request({
      method: "POST",
      url: "/api/v1/staff/invitations",
      payload: { name: "Pablo", email, language: "es" },
    });
    expect(response.statusCode).toBe(201);
    const [row] = await t.db.select().from(invitations).where(eq(invitations.email, email));
    expect(row).toMatchObject({ partnerId: null, userType: null, language: "es" });
    expect((await eventsAbout(email)).map((e) => [e.kind, e.partnerId])).toEqual([
      ["invitation_sent", null],
    ]);
  });

  it("refuses an address that already has a user", async () => {
    const colleague = await createCustomerSuccess(t.db);
    const response = await session.request({
      method: "POST",
      url: "/api/v1/staff/invitations",
      payload: { name: "Twice", email: colleague.email },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("EMAIL_ALREADY_IN_USE");
  });
});

describe("deactivating and reactivating a colleague", () => {
  it("ends their sessions at once and logs it; reactivating lets them sign in again", async () => {
    const colleague = await createCustomerSuccess(t.db);
    const theirs = await signIn(t.app, colleague.email);
    expect((await theirs.request({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);

    const response = await deactivate(colleague.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: colleague.id, status: "deactivated" });
    expect((await theirs.request({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, colleague.id))).toEqual([]);

    const reactivated = await session.request({
      method: "POST",
      url: `/api/v1/staff/${colleague.id}/reactivate`,
    });
    expect(reactivated.json()).toMatchObject({ status: "active", deactivatedAt: null });
    const again = await signIn(t.app, colleague.email);
    expect((await again.request({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);

    const kinds = (await eventsAbout(colleague.email)).map((e) => e.kind);
    expect(kinds.filter((kind) => kind.startsWith("user_"))).toEqual([
      "user_deactivated",
      "user_reactivated",
    ]);
    const deactivation = (await eventsAbout(colleague.email)).find(
      (e) => e.kind === "user_deactivated",
    );
    expect(deactivation).toMatchObject({
      actorId: me.id,
      partnerId: null,
      address: "127.0.0.1",
      detail: { sessionsEnded: 1 },
    });
  });

  it("changes nothing the second time", async () => {
    const colleague = await createCustomerSuccess(t.db);
    await deactivate(colleague.id);
    t.clock.advance(60_000);
    expect((await deactivate(colleague.id)).json().deactivatedAt).toBe("2026-03-15T10:00:00.000Z");
    t.clock.set("2026-03-15T10:00:00Z");
    const kinds = (await eventsAbout(colleague.email)).map((e) => e.kind);
    expect(kinds.filter((kind) => kind.startsWith("user_"))).toEqual(["user_deactivated"]);
  });

  it("refuses to deactivate oneself", async () => {
    const response = await deactivate(me.id);
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toMatch(/yourself/);
  });

  it("answers 404 for a partner's user, who is no colleague", async () => {
    const partner = await createPartner(t.db);
    expect((await deactivate(partner.superAdmin.id)).statusCode).toBe(404);
    const [row] = await t.db.select().from(users).where(eq(users.id, partner.superAdmin.id));
    expect(row?.deactivatedAt).toBeNull();
  });
});

describe("the last active Customer Success user", () => {
  it("cannot be deactivated, even by a colleague deactivated a moment before", async () => {
    const db = t.db;
    const active = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, "customer_success"));
    // Everyone but me is deactivated by me; then a deactivated colleague's request, still in
    // flight, tries to deactivate me.
    const colleague = await createCustomerSuccess(db);
    for (const { id } of [...active, colleague]) {
      if (id !== me.id) await deactivate(id);
    }
    const attempt = deactivateStaffMember({
      db,
      actor: {
        kind: "customer_success",
        userId: colleague.id,
        name: "Colleague",
        email: colleague.email,
      },
      userId: me.id,
      now: t.clock.now(),
      address: "127.0.0.1",
    });
    await expect(attempt).rejects.toMatchObject({ code: "LAST_CUSTOMER_SUCCESS_USER" });
    const [row] = await db.select().from(users).where(eq(users.id, me.id));
    expect(row?.deactivatedAt).toBeNull();
  });

  it("stays when two colleagues deactivate each other at the same moment", async () => {
    const first = await createCustomerSuccess(t.db);
    const second = await createCustomerSuccess(t.db);
    // Only these two are active: I step aside for the test, through the other two.
    const firstSession = await signIn(t.app, first.email);
    const secondSession = await signIn(t.app, second.email);
    expect((await deactivate(me.id, firstSession)).statusCode).toBe(200);

    const answers = await Promise.all([
      deactivate(second.id, firstSession),
      deactivate(first.id, secondSession),
    ]);
    const statuses = answers.map((answer) => answer.statusCode).sort();
    // One wins; the other is refused as the last one, or finds its own session already ended.
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const left = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, "customer_success"));
    const stillActive = (
      await Promise.all(
        left.map(async ({ id }) => {
          const [row] = await t.db.select().from(users).where(eq(users.id, id));
          return row?.deactivatedAt === null ? id : null;
        }),
      )
    ).filter(Boolean);
    expect(stillActive).toHaveLength(1);
  });
});
