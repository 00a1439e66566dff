import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PendingInvitation } from "../../shared/api/people.ts";
import type { Actor } from "../access/actor.ts";
import { createUser } from "../auth/users.ts";
import {
  accountAccess,
  invitations,
  mailOutbox,
  partners,
  securityEvents,
  users,
} from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import {
  anonymous,
  PUBLIC_URL,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from "../test/harness.ts";
import { inviteUser } from "./invite-user.ts";

let t: TestApp;
let catalogue: Catalogue;
let partner: PartnerFixture;
let superAdmin: Session;
let nobody: Session;

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = "a long new password";
let counter = 0;
const newAddress = () => `invitee-${Date.now()}-${++counter}@example.test`;

beforeAll(async () => {
  t = await startTestApp();
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  nobody = anonymous(t.app);
});
afterAll(() => t.close());

async function invite(
  body: { email?: string; name?: string; userType?: string; accountId?: string | null } = {},
  session = superAdmin,
) {
  return session.request({
    method: "POST",
    url: "/api/v1/users/invitations",
    payload: { email: newAddress(), name: "Ana Invitada", userType: "manager", ...body },
  });
}

async function invited(body: Parameters<typeof invite>[0] = {}): Promise<PendingInvitation> {
  const response = await invite(body);
  expect(response.statusCode).toBe(201);
  return response.json();
}

/** The link in the last invitation e-mailed to the address. */
async function linkMailedTo(
  email: string,
): Promise<{ token: string; text: string; html: string; language: string }> {
  const [mail] = await t.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.topic, "invitation")))
    .orderBy(desc(mailOutbox.queuedAt), desc(mailOutbox.id));
  if (!mail) throw new Error(`no invitation mailed to ${email}`);
  const match = mail.text.match(new RegExp(`${PUBLIC_URL}/invitations/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error("no link in the mail");
  return { token: match[1], text: mail.text, html: mail.html, language: mail.language };
}

const view = (token: string) =>
  nobody.request({ method: "GET", url: `/api/v1/invitations/${token}` });
const accept = (token: string, password = PASSWORD) =>
  nobody.request({
    method: "POST",
    url: `/api/v1/invitations/${token}/accept`,
    payload: { password },
  });

describe("inviting a partner's user", () => {
  it("e-mails a single-use link that shows who invites whom to what, and keeps only the token's hash", async () => {
    const account = await createAccount(t.db, partner.id, catalogue);
    const pending = await invited({
      name: "Marta Ruiz",
      userType: "client",
      accountId: account.id,
    });
    expect(pending).toMatchObject({
      name: "Marta Ruiz",
      userType: "client",
      account: { id: account.id, name: account.name },
      invitedBy: { id: partner.superAdmin.id },
      sentAt: "2026-03-15T10:00:00.000Z",
      expiresAt: "2026-03-22T10:00:00.000Z",
      expired: false,
    });
    const { token, text } = await linkMailedTo(pending.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(text).toContain("Marta Ruiz");
    expect(text).toContain(`You will have access to the account ${account.name}.`);
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, pending.id));
    expect(row?.tokenHash).not.toContain(token);

    const shown = await view(token);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({
      name: "Marta Ruiz",
      email: pending.email,
      partner: { name: expect.stringMatching(/^Partner /) },
      userType: "client",
      account: { name: account.name },
      invitedBy: expect.stringMatching(/^Admin /),
      expiresAt: "2026-03-22T10:00:00.000Z",
    });
  });

  it("writes the e-mail in the partner's default language unless told otherwise", async () => {
    const email = newAddress();
    await inviteUser({
      db: t.db,
      clock: t.clock,
      publicUrl: PUBLIC_URL,
      invitedBy: null,
      partnerId: partner.id,
      userType: "super_admin",
      email,
      name: "Lucía",
      language: "es",
    });
    const mail = await linkMailedTo(email);
    expect(mail.language).toBe("es");
    expect(mail.text).toContain("te invita a unirte a");
    expect(mail.text).toContain("El equipo de Wattfolio");
  });

  it("records the invitation in the security log with the client address", async () => {
    const pending = await invited();
    const [event] = await t.db
      .select()
      .from(securityEvents)
      .where(
        and(eq(securityEvents.kind, "invitation_sent"), eq(securityEvents.subject, pending.email)),
      );
    expect(event).toMatchObject({
      actorId: partner.superAdmin.id,
      partnerId: partner.id,
      address: "127.0.0.1",
      detail: { userType: "manager", accountId: null },
    });
  });

  it("refuses an address that already has a user, without saying whose", async () => {
    const other = await createPartner(t.db);
    for (const email of [other.accountUser.email, partner.superAdmin.email.toUpperCase()]) {
      const response = await invite({ email });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        code: "EMAIL_ALREADY_IN_USE",
        detail: "This e-mail address already has a Wattfolio user or an open invitation.",
      });
      expect(response.body).not.toContain(other.id);
      expect(response.body).not.toMatch(/Partner [0-9a-f]{8}/);
    }
  });

  it("refuses an address with an open invitation of any partner, the same way", async () => {
    const other = await createPartner(t.db);
    const otherAdmin = await signIn(t.app, other.superAdmin.email);
    const email = newAddress();
    expect((await invite({ email }, otherAdmin)).statusCode).toBe(201);
    const response = await invite({ email: email.toUpperCase() });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("EMAIL_ALREADY_IN_USE");
  });

  it("lets an address be invited again once its invitation expired, retiring the old link", async () => {
    const pending = await invited();
    const { token } = await linkMailedTo(pending.email);
    t.clock.advance(8 * DAY);
    try {
      const again = await invite({ email: pending.email });
      expect(again.statusCode).toBe(201);
      expect((await view(token)).statusCode).toBe(404);
    } finally {
      t.clock.advance(-8 * DAY);
    }
  });

  it("retires another partner's expired invitation to the address without telling that partner who invited now, nor from where", async () => {
    const rival = await createPartner(t.db);
    const rivalAdmin = await signIn(t.app, rival.superAdmin.email);
    const email = newAddress();
    expect((await invite({ email }, rivalAdmin)).statusCode).toBe(201);
    t.clock.advance(8 * DAY);
    try {
      const again = await superAdmin.request({
        method: "POST",
        url: "/api/v1/users/invitations",
        payload: { email, name: "Ana Invitada", userType: "manager" },
        remoteAddress: "10.77.0.1",
      });
      expect(again.statusCode).toBe(201);
    } finally {
      t.clock.advance(-8 * DAY);
    }
    const inRivalsLog = await t.db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.partnerId, rival.id), eq(securityEvents.subject, email)));
    const retired = inRivalsLog.find((event) => event.kind === "invitation_revoked");
    expect(retired).toMatchObject({
      actorId: null,
      actorName: null,
      address: null,
      detail: { reason: "expired, replaced by a new invitation" },
    });
    expect(JSON.stringify(inRivalsLog)).not.toContain("10.77.0.1");
    expect(JSON.stringify(inRivalsLog)).not.toContain(partner.id);
  });

  it("refuses an account of another partner as if it did not exist", async () => {
    const other = await createPartner(t.db);
    const theirs = await createAccount(t.db, other.id, catalogue);
    const response = await invite({ accountId: theirs.id });
    expect(response.statusCode).toBe(404);
  });

  it("gives no account to a SuperAdmin, who reaches every account anyway", async () => {
    const account = await createAccount(t.db, partner.id, catalogue);
    const response = await invite({ userType: "super_admin", accountId: account.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: "accountId", message: "Only for account-level types" },
    ]);
  });

  it("answers a partner that does not exist 404, whatever the language", async () => {
    const invite = inviteUser({
      db: t.db,
      clock: t.clock,
      publicUrl: PUBLIC_URL,
      invitedBy: null,
      partnerId: "00000000-0000-4000-8000-000000000000",
      userType: "super_admin",
      email: newAddress(),
      name: "Nobody's",
      language: "es",
    });
    await expect(invite).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("accepting an invitation", () => {
  it("creates the user with the invited type and account, and it signs in with its password", async () => {
    const account = await createAccount(t.db, partner.id, catalogue);
    const pending = await invited({ userType: "admin", accountId: account.id });
    const { token } = await linkMailedTo(pending.email);
    const accepted = await accept(token);
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ email: pending.email });

    const [user] = await t.db.select().from(users).where(eq(users.email, pending.email));
    expect(user).toMatchObject({
      role: "partner",
      partnerId: partner.id,
      userType: "admin",
      isSuperAdmin: false,
    });
    const grants = await t.db
      .select()
      .from(accountAccess)
      .where(eq(accountAccess.userId, user?.id ?? ""));
    expect(grants.map((grant) => grant.accountId)).toEqual([account.id]);

    const events = await t.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.subject, pending.email));
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: "invitation_accepted",
        actorId: user?.id,
        partnerId: partner.id,
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: "access_granted",
        detail: { account: { id: account.id, name: account.name }, invitationId: pending.id },
      }),
    );

    const session = await signIn(t.app, pending.email, PASSWORD);
    const reachable = await session.request({ method: "GET", url: "/api/v1/accounts" });
    expect(reachable.json().items.map((item: { id: string }) => item.id)).toEqual([account.id]);

    const people = (await superAdmin.request({ method: "GET", url: "/api/v1/users" })).json();
    expect(people.invitations.map((i: PendingInvitation) => i.id)).not.toContain(pending.id);
    expect(people.users).toContainEqual(
      expect.objectContaining({ email: pending.email, userType: "admin", accountCount: 1 }),
    );
  });

  it("works once: the link is dead after it was used", async () => {
    const pending = await invited();
    const { token } = await linkMailedTo(pending.email);
    expect((await accept(token)).statusCode).toBe(201);
    const again = await accept(token, "another long password");
    expect(again.statusCode).toBe(404);
    expect((await view(token)).statusCode).toBe(404);
  });

  it("creates one user when the link is accepted twice at the same moment", async () => {
    const pending = await invited();
    const { token } = await linkMailedTo(pending.email);
    const answers = await Promise.all([accept(token), accept(token), accept(token)]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 404, 404]);
    const created = await t.db.select().from(users).where(eq(users.email, pending.email));
    expect(created).toHaveLength(1);
  });

  it("expires after seven days, saying so", async () => {
    const pending = await invited();
    const { token } = await linkMailedTo(pending.email);
    t.clock.advance(7 * DAY - 1000);
    try {
      expect((await view(token)).statusCode).toBe(200);
      t.clock.advance(1000);
      const shown = await view(token);
      expect(shown.statusCode).toBe(410);
      expect(shown.json().code).toBe("INVITATION_EXPIRED");
      expect((await accept(token)).statusCode).toBe(410);
      const people = (await superAdmin.request({ method: "GET", url: "/api/v1/users" })).json();
      expect(people.invitations).toContainEqual(
        expect.objectContaining({ id: pending.id, expired: true }),
      );
    } finally {
      t.clock.advance(-7 * DAY);
    }
  });

  it("refuses a password shorter than ten characters and leaves the link usable", async () => {
    const pending = await invited();
    const { token } = await linkMailedTo(pending.email);
    const refused = await accept(token, "short");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { field: "password", message: "At least 10 characters" },
    ]);
    expect((await view(token)).statusCode).toBe(200);
  });

  it("answers an unknown link 404", async () => {
    expect((await view("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).statusCode).toBe(404);
  });

  it("makes a Customer Success colleague of a staff invitation", async () => {
    const cs = await createCustomerSuccess(t.db);
    const [inviter] = await t.db.select().from(users).where(eq(users.id, cs.id));
    const email = newAddress();
    const { link } = await inviteUser({
      db: t.db,
      clock: t.clock,
      publicUrl: PUBLIC_URL,
      invitedBy: {
        kind: "customer_success",
        userId: cs.id,
        name: inviter?.name ?? "",
        language: "en",
        email: cs.email,
      },
      partnerId: null,
      userType: null,
      email,
      name: "Nuevo Colega",
    });
    const token = link.split("/").at(-1) ?? "";
    expect((await view(token)).json()).toMatchObject({ partner: null, userType: null });
    expect((await accept(token)).statusCode).toBe(201);
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ role: "customer_success", partnerId: null, userType: null });
  });
});

describe("managing invitations", () => {
  it("sends a new link on resend, and the old one stops working", async () => {
    const pending = await invited();
    const { token: old } = await linkMailedTo(pending.email);
    t.clock.advance(DAY);
    try {
      const resent = await superAdmin.request({
        method: "POST",
        url: `/api/v1/users/invitations/${pending.id}/resend`,
      });
      expect(resent.statusCode).toBe(200);
      expect(resent.json()).toMatchObject({
        sentAt: "2026-03-16T10:00:00.000Z",
        expiresAt: "2026-03-23T10:00:00.000Z",
      });
      const { token: fresh } = await linkMailedTo(pending.email);
      expect(fresh).not.toBe(old);
      expect((await view(old)).statusCode).toBe(404);
      expect((await accept(old)).statusCode).toBe(404);
      expect((await accept(fresh)).statusCode).toBe(201);
    } finally {
      t.clock.advance(-DAY);
    }
  });

  it("kills the link on revoke, frees the address, and records who did it", async () => {
    const pending = await invited();
    const { token } = await linkMailedTo(pending.email);
    const revoked = await superAdmin.request({
      method: "POST",
      url: `/api/v1/users/invitations/${pending.id}/revoke`,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().invitations.map((i: PendingInvitation) => i.id)).not.toContain(
      pending.id,
    );
    expect((await view(token)).statusCode).toBe(404);
    expect((await accept(token)).statusCode).toBe(404);
    const [event] = await t.db
      .select()
      .from(securityEvents)
      .where(
        and(
          eq(securityEvents.kind, "invitation_revoked"),
          eq(securityEvents.subject, pending.email),
        ),
      );
    expect(event?.actorId).toBe(partner.superAdmin.id);
    expect((await invite({ email: pending.email })).statusCode).toBe(201);
  });

  it("answers another partner's invitation 404, for resend and revoke alike", async () => {
    const other = await createPartner(t.db);
    const otherAdmin = await signIn(t.app, other.superAdmin.email);
    const pending = await invited();
    for (const action of ["resend", "revoke"]) {
      const response = await otherAdmin.request({
        method: "POST",
        url: `/api/v1/users/invitations/${pending.id}/${action}`,
      });
      expect(response.statusCode).toBe(404);
    }
    const { token } = await linkMailedTo(pending.email);
    expect((await view(token)).statusCode).toBe(200);
  });

  it("refuses an account user who tries to invite", async () => {
    const accountUser = await signIn(t.app, partner.accountUser.email);
    expect((await invite({}, accountUser)).statusCode).toBe(403);
  });
});

describe("when whoever sent an invitation may no longer invite", () => {
  /** A fresh partner with two active SuperAdmins, the second signed in. */
  async function twoSuperAdmins() {
    const fresh = await createPartner(t.db);
    const email = newAddress();
    const second = await createUser(t.db, {
      email,
      name: "Second Admin",
      password: PASSWORD,
      role: "partner",
      partnerId: fresh.id,
      userType: "super_admin",
    });
    return {
      partnerId: fresh.id,
      first: await signIn(t.app, fresh.superAdmin.email),
      second: await signIn(t.app, email, PASSWORD),
      secondId: second.id,
    };
  }

  async function revocationsOf(email: string) {
    return t.db
      .select({ detail: securityEvents.detail, partnerId: securityEvents.partnerId })
      .from(securityEvents)
      .where(and(eq(securityEvents.kind, "invitation_revoked"), eq(securityEvents.subject, email)));
  }

  it("revokes the open invitations of a SuperAdmin who is deactivated, so their links stop working", async () => {
    const { partnerId, first, second, secondId } = await twoSuperAdmins();
    const ownSecondAddress = newAddress();
    const sent = await invite({ email: ownSecondAddress, userType: "super_admin" }, second);
    expect(sent.statusCode).toBe(201);
    const { token } = await linkMailedTo(ownSecondAddress);
    const deactivated = await first.request({
      method: "POST",
      url: `/api/v1/users/${secondId}/deactivate`,
    });
    expect(deactivated.statusCode).toBe(200);
    expect((await view(token)).statusCode).toBe(404);
    expect((await accept(token)).statusCode).toBe(404);
    expect(await revocationsOf(ownSecondAddress)).toEqual([
      { partnerId, detail: expect.objectContaining({ reason: "inviter deactivated" }) },
    ]);
  });

  it("revokes the open invitations of a SuperAdmin who is demoted, so their links stop working", async () => {
    const { first, second, secondId } = await twoSuperAdmins();
    const ownSecondAddress = newAddress();
    expect(
      (await invite({ email: ownSecondAddress, userType: "super_admin" }, second)).statusCode,
    ).toBe(201);
    const { token } = await linkMailedTo(ownSecondAddress);
    const demoted = await first.request({
      method: "PUT",
      url: `/api/v1/users/${secondId}/type`,
      payload: { userType: "manager" },
    });
    expect(demoted.statusCode).toBe(200);
    expect((await accept(token)).statusCode).toBe(404);
    expect(await revocationsOf(ownSecondAddress)).toEqual([
      {
        partnerId: expect.any(String),
        detail: expect.objectContaining({ reason: "inviter no longer a SuperAdmin" }),
      },
    ]);
  });

  it("revokes the open invitations of a Customer Success member who is deactivated", async () => {
    const leaving = await createCustomerSuccess(t.db);
    const colleague = await createCustomerSuccess(t.db);
    const fresh = await createPartner(t.db);
    const email = newAddress();
    const { token } = await inviteUser({
      db: t.db,
      clock: t.clock,
      publicUrl: PUBLIC_URL,
      invitedBy: staffActor(leaving),
      partnerId: fresh.id,
      userType: "super_admin",
      email,
      name: "Primera Admin",
    });
    const session = await signIn(t.app, colleague.email);
    const deactivated = await session.request({
      method: "POST",
      url: `/api/v1/staff/${leaving.id}/deactivate`,
    });
    expect(deactivated.statusCode).toBe(200);
    expect((await accept(token)).statusCode).toBe(404);
    expect(await revocationsOf(email)).toHaveLength(1);
  });

  it("refuses a link whose sender was deactivated or demoted, or whose partner is suspended, even if it was not revoked", async () => {
    const { partnerId, secondId, second } = await twoSuperAdmins();
    const email = newAddress();
    expect((await invite({ email, userType: "super_admin" }, second)).statusCode).toBe(201);
    const { token } = await linkMailedTo(email);
    const now = t.clock.now();
    const refusedWhile = async (change: () => Promise<unknown>, undo: () => Promise<unknown>) => {
      await change();
      const answers = [(await view(token)).statusCode, (await accept(token)).statusCode];
      await undo();
      return answers;
    };
    const inviter = eq(users.id, secondId);
    expect(
      await refusedWhile(
        () => t.db.update(users).set({ deactivatedAt: now }).where(inviter),
        () => t.db.update(users).set({ deactivatedAt: null }).where(inviter),
      ),
    ).toEqual([404, 404]);
    expect(
      await refusedWhile(
        () => t.db.update(users).set({ userType: "manager", isSuperAdmin: false }).where(inviter),
        () =>
          t.db.update(users).set({ userType: "super_admin", isSuperAdmin: true }).where(inviter),
      ),
    ).toEqual([404, 404]);
    const partnerRow = eq(partners.id, partnerId);
    expect(
      await refusedWhile(
        () => t.db.update(partners).set({ suspendedAt: now }).where(partnerRow),
        () => t.db.update(partners).set({ suspendedAt: null }).where(partnerRow),
      ),
    ).toEqual([404, 404]);
    expect((await accept(token)).statusCode).toBe(201);
  });

  it("keeps a Customer Success member's invitation of a partner's SuperAdmin valid while they are active", async () => {
    const cs = await createCustomerSuccess(t.db);
    const fresh = await createPartner(t.db);
    const { token } = await inviteUser({
      db: t.db,
      clock: t.clock,
      publicUrl: PUBLIC_URL,
      invitedBy: staffActor(cs),
      partnerId: fresh.id,
      userType: "super_admin",
      email: newAddress(),
      name: "Primera Admin",
    });
    expect((await accept(token)).statusCode).toBe(201);
  });
});

function staffActor(member: { id: string; email: string }): Actor {
  return {
    kind: "customer_success",
    userId: member.id,
    name: "Customer Success",
    language: "en",
    email: member.email,
  };
}
