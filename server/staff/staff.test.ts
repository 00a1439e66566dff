/**
 * The Customer Success team on a database of its own: "the last active member" counts every staff
 * user, so no other test file's may be in it.
 */
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../../shared/api/staff.ts";
import { invitations, mailOutbox, securityEvents, sessions, users } from "../db/schema/index.ts";
import { createCustomerSuccess, createPartner } from "../test/factories.ts";
import {
  anonymous,
  PUBLIC_URL,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from "../test/harness.ts";
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

describe("resending and revoking any invitation", () => {
  const DAY = 24 * 60 * 60 * 1000;

  /** The token of the latest invitation mailed to the address. */
  const tokenMailedTo = async (email: string) => {
    const [mail] = await t.db
      .select({ text: mailOutbox.text })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.topic, "invitation")))
      .orderBy(desc(mailOutbox.queuedAt), desc(mailOutbox.id));
    const token = mail?.text.match(new RegExp(`${PUBLIC_URL}/invitations/([A-Za-z0-9_-]+)`))?.[1];
    if (!token) throw new Error(`no invitation link mailed to ${email}`);
    return token;
  };
  const opens = async (token: string) =>
    (await anonymous(t.app).request({ method: "GET", url: `/api/v1/invitations/${token}` }))
      .statusCode;
  const act = (id: string, action: "resend" | "revoke", by = session) =>
    by.request({ method: "POST", url: `/api/v1/staff/invitations/${id}/${action}` });

  const inviteColleague = async (email: string) =>
    (
      await session.request({
        method: "POST",
        url: "/api/v1/staff/invitations",
        payload: { name: "Invited colleague", email },
      })
    ).json().id as string;
  const invitePartnerSuperAdmin = async (email: string) => {
    const partner = await createPartner(t.db);
    const response = await session.request({
      method: "POST",
      url: `/api/v1/partners/${partner.id}/super-admin-invitations`,
      payload: { name: "Invited SuperAdmin", email },
    });
    return { partner, id: response.json().id as string };
  };

  it("sends a colleague a new link for 7 more days; the old one no longer opens; it is logged", async () => {
    const email = "resent-colleague@wattfolio.test";
    const id = await inviteColleague(email);
    const old = await tokenMailedTo(email);
    t.clock.advance(DAY);
    try {
      const resent = await act(id, "resend");
      expect(resent.statusCode, resent.body).toBe(200);
      expect(resent.json()).toMatchObject({
        id,
        email,
        sentAt: "2026-03-16T10:00:00.000Z",
        expiresAt: "2026-03-23T10:00:00.000Z",
        expired: false,
      });
      expect(resent.json()).not.toHaveProperty("userType");
      const fresh = await tokenMailedTo(email);
      expect(fresh).not.toBe(old);
      expect(await opens(old)).toBe(404);
      expect(await opens(fresh)).toBe(200);
    } finally {
      t.clock.advance(-DAY);
    }
    expect((await eventsAbout(email)).map((e) => [e.kind, e.actorId])).toEqual([
      ["invitation_sent", me.id],
      ["invitation_resent", me.id],
    ]);
  });

  it("sends a partner's invitation again too, answered with its type", async () => {
    const email = "resent-superadmin@partner.test";
    const { partner, id } = await invitePartnerSuperAdmin(email);
    const old = await tokenMailedTo(email);
    // A minute later, so that the latest e-mail is told apart from the first by its time.
    t.clock.advance(60_000);
    try {
      const resent = await act(id, "resend");
      expect(resent.statusCode, resent.body).toBe(200);
      expect(resent.json()).toMatchObject({ id, email, userType: "super_admin" });
      expect(await opens(old)).toBe(404);
      expect(await opens(await tokenMailedTo(email))).toBe(200);
    } finally {
      t.clock.advance(-60_000);
    }
    expect((await eventsAbout(email)).map((e) => [e.kind, e.partnerId])).toEqual([
      ["invitation_sent", partner.id],
      ["invitation_resent", partner.id],
    ]);
  });

  it("revokes a colleague's and a partner's invitation: the links no longer open; it is logged", async () => {
    const colleagueEmail = "revoked-colleague@wattfolio.test";
    const partnerEmail = "revoked-superadmin@partner.test";
    const colleague = await inviteColleague(colleagueEmail);
    const { partner, id: partnerInvitation } = await invitePartnerSuperAdmin(partnerEmail);
    for (const [id, email, partnerId] of [
      [colleague, colleagueEmail, null],
      [partnerInvitation, partnerEmail, partner.id],
    ] as const) {
      const token = await tokenMailedTo(email);
      const revoked = await act(id, "revoke");
      expect(revoked.statusCode, revoked.body).toBe(204);
      expect(revoked.body).toBe("");
      expect(await opens(token)).toBe(404);
      expect((await eventsAbout(email)).map((e) => [e.kind, e.actorId, e.partnerId])).toEqual([
        ["invitation_sent", me.id, partnerId],
        ["invitation_revoked", me.id, partnerId],
      ]);
      // Revoked is no longer open: neither sent again nor revoked twice.
      expect((await act(id, "resend")).statusCode).toBe(404);
      expect((await act(id, "revoke")).statusCode).toBe(404);
    }
    expect((await staffPage()).invitations.map((i) => i.id)).not.toContain(colleague);
  });

  it("refuses a partner's SuperAdmin, even for its own partner's invitation", async () => {
    const email = "guarded-superadmin@partner.test";
    const { partner, id } = await invitePartnerSuperAdmin(email);
    const superAdmin = await signIn(t.app, partner.superAdmin.email);
    expect((await act(id, "resend", superAdmin)).statusCode).toBe(403);
    expect((await act(id, "revoke", superAdmin)).statusCode).toBe(403);
    expect(await opens(await tokenMailedTo(email))).toBe(200);
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
        language: "en",
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
