import { and, eq, isNull, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManagedUser } from "../../shared/api/people.ts";
import type { UserType } from "../../shared/domain/people.ts";
import { createUser } from "../auth/users.ts";
import { partners, securityEvents, sessions, users } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import {
  type Session,
  signIn,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from "../test/harness.ts";

let t: TestApp;
let catalogue: Catalogue;

beforeAll(async () => {
  t = await startTestApp();
  catalogue = await createCatalogue(t.db);
});
afterAll(() => t.close());

let counter = 0;
async function addUser(partnerId: string, userType: UserType = "client") {
  const email = `person-${Date.now()}-${++counter}@partner.test`;
  const { id } = await createUser(t.db, {
    email,
    name: `Person ${counter}`,
    password: TEST_PASSWORD,
    role: "partner",
    partnerId,
    userType,
  });
  return { id, email };
}

/** A partner of its own for each test, with its SuperAdmin signed in. */
async function setUp(): Promise<{ partner: PartnerFixture; admin: Session }> {
  const partner = await createPartner(t.db);
  return { partner, admin: await signIn(t.app, partner.superAdmin.email) };
}

const setType = (session: Session, userId: string, userType: UserType) =>
  session.request({ method: "PUT", url: `/api/v1/users/${userId}/type`, payload: { userType } });
const deactivate = (session: Session, userId: string) =>
  session.request({ method: "POST", url: `/api/v1/users/${userId}/deactivate` });
const reactivate = (session: Session, userId: string) =>
  session.request({ method: "POST", url: `/api/v1/users/${userId}/reactivate` });

async function usersOf(session: Session): Promise<ManagedUser[]> {
  const response = await session.request({ method: "GET", url: "/api/v1/users" });
  expect(response.statusCode).toBe(200);
  return response.json().users;
}

describe("the Users page", () => {
  it("lists the partner's users with type, status, last sign-in and the accounts they reach", async () => {
    const { partner, admin } = await setUp();
    const account = await createAccount(t.db, partner.id, catalogue);
    await createAccount(t.db, partner.id, catalogue);
    await admin.request({
      method: "POST",
      url: `/api/v1/accounts/${account.id}/users`,
      payload: { userId: partner.accountUser.id },
    });
    const listed = await usersOf(admin);
    expect(listed).toEqual([
      {
        id: partner.superAdmin.id,
        name: expect.stringMatching(/^Admin /),
        email: partner.superAdmin.email,
        userType: "super_admin",
        status: "active",
        deactivatedAt: null,
        lastSignInAt: "2026-03-15T10:00:00.000Z",
        reachesAllAccounts: true,
        accountCount: 2,
      },
      expect.objectContaining({
        id: partner.accountUser.id,
        userType: "client",
        lastSignInAt: null,
        reachesAllAccounts: false,
        accountCount: 1,
      }),
    ]);
  });

  it("shows another partner's SuperAdmin only its own users, and answers our ids 404", async () => {
    const { partner } = await setUp();
    const other = await setUp();
    const theirs = await usersOf(other.admin);
    expect(theirs.map((user) => user.id)).not.toContain(partner.accountUser.id);
    expect((await setType(other.admin, partner.accountUser.id, "admin")).statusCode).toBe(404);
    expect((await deactivate(other.admin, partner.accountUser.id)).statusCode).toBe(404);
    expect((await reactivate(other.admin, partner.accountUser.id)).statusCode).toBe(404);
    const [user] = await t.db.select().from(users).where(eq(users.id, partner.accountUser.id));
    expect(user).toMatchObject({ userType: "client", deactivatedAt: null });
  });
});

describe("a user's type", () => {
  it("changes, keeps is_super_admin in step, and is logged before and after", async () => {
    const { partner, admin } = await setUp();
    const promoted = await setType(admin, partner.accountUser.id, "super_admin");
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ userType: "super_admin", reachesAllAccounts: true });
    const [user] = await t.db.select().from(users).where(eq(users.id, partner.accountUser.id));
    expect(user?.isSuperAdmin).toBe(true);
    const [event] = await t.db
      .select()
      .from(securityEvents)
      .where(
        and(eq(securityEvents.kind, "role_changed"), eq(securityEvents.partnerId, partner.id)),
      );
    expect(event).toMatchObject({
      actorId: partner.superAdmin.id,
      subject: partner.accountUser.email,
      detail: { before: "client", after: "super_admin" },
    });
    // The new SuperAdmin's next request already has SuperAdmin permissions.
    const newAdmin = await signIn(t.app, partner.accountUser.email);
    expect((await newAdmin.request({ method: "GET", url: "/api/v1/users" })).statusCode).toBe(200);
  });

  it("of the partner's last active SuperAdmin cannot become an account-level type", async () => {
    const { partner, admin } = await setUp();
    const refused = await setType(admin, partner.superAdmin.id, "admin");
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "LAST_SUPER_ADMIN" });
    const [user] = await t.db.select().from(users).where(eq(users.id, partner.superAdmin.id));
    expect(user?.userType).toBe("super_admin");
  });

  it("lets one of two SuperAdmins be demoted, but not both at once", async () => {
    const { partner, admin } = await setUp();
    const second = await addUser(partner.id, "super_admin");
    const otherAdmin = await signIn(t.app, second.email);
    const answers = await Promise.all([
      setType(admin, second.id, "manager"),
      setType(otherAdmin, partner.superAdmin.id, "manager"),
    ]);
    // The refused one is told it would leave no SuperAdmin (409), or, when the other change landed
    // before its permissions were read, that it is no longer a SuperAdmin (403).
    const [done, refused] = answers.map((answer) => answer.statusCode).sort();
    expect(done).toBe(200);
    expect([403, 409]).toContain(refused);
    const admins = await t.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.partnerId, partner.id), eq(users.userType, "super_admin")));
    expect(admins).toHaveLength(1);
  });

  it("does not count a deactivated SuperAdmin as the one that remains", async () => {
    const { partner, admin } = await setUp();
    const second = await addUser(partner.id, "super_admin");
    expect((await deactivate(admin, second.id)).statusCode).toBe(200);
    expect((await setType(admin, partner.superAdmin.id, "client")).statusCode).toBe(409);
  });
});

describe("deactivating a user", () => {
  it("ends its sessions at once on every instance, and it cannot sign in again until reactivated", async () => {
    const { partner, admin } = await setUp();
    const person = await addUser(partner.id);
    const second = await startTestApp({ db: t.db });
    try {
      const onFirst = await signIn(t.app, person.email);
      const onSecond = await signIn(second.app, person.email);
      expect((await onSecond.request({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);

      const deactivated = await deactivate(admin, person.id);
      expect(deactivated.statusCode).toBe(200);
      expect(deactivated.json()).toMatchObject({
        status: "deactivated",
        deactivatedAt: "2026-03-15T10:00:00.000Z",
      });
      expect((await onSecond.request({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
      expect((await onFirst.request({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
      expect(await t.db.select().from(sessions).where(eq(sessions.userId, person.id))).toEqual([]);

      const refused = await second.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: "http://localhost:3000" },
        payload: { email: person.email, password: TEST_PASSWORD },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail).toMatch(/deactivated/);

      expect((await reactivate(admin, person.id)).json()).toMatchObject({ status: "active" });
      const back = await signIn(second.app, person.email);
      expect((await back.request({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("is logged, and deactivating again changes nothing", async () => {
    const { partner, admin } = await setUp();
    const person = await addUser(partner.id);
    expect((await deactivate(admin, person.id)).statusCode).toBe(200);
    expect((await deactivate(admin, person.id)).statusCode).toBe(200);
    const events = await t.db
      .select()
      .from(securityEvents)
      .where(
        and(eq(securityEvents.kind, "user_deactivated"), eq(securityEvents.subject, person.email)),
      );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: partner.superAdmin.id, partnerId: partner.id });
  });

  it("refuses deactivating oneself", async () => {
    const { partner, admin } = await setUp();
    await addUser(partner.id, "super_admin");
    const own = await deactivate(admin, partner.superAdmin.id);
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toMatch(/cannot deactivate yourself/);
  });

  it("leaves one active SuperAdmin when two deactivate each other at the same moment", async () => {
    const { partner, admin } = await setUp();
    const second = await addUser(partner.id, "super_admin");
    const bySecond = await signIn(t.app, second.email);
    const answers = await Promise.all([
      deactivate(admin, second.id),
      deactivate(bySecond, partner.superAdmin.id),
    ]);
    // The one that came second finds itself the last SuperAdmin (409) or already signed out (401).
    expect(answers.filter((answer) => answer.statusCode === 200)).toHaveLength(1);
    expect(answers.map((answer) => answer.statusCode).sort()[1]).toBeOneOf([401, 409]);
    const active = await t.db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.partnerId, partner.id),
          eq(users.userType, "super_admin"),
          isNull(users.deactivatedAt),
        ),
      );
    expect(active).toHaveLength(1);
  });
});

describe("a suspended partner", () => {
  it("has its users' sessions stop and its users refused at sign-in, until it is reinstated", async () => {
    const { partner, admin } = await setUp();
    await t.db
      .update(partners)
      .set({ suspendedAt: t.clock.now() })
      .where(eq(partners.id, partner.id));
    try {
      expect((await admin.request({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
      const refused = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: "http://localhost:3000" },
        payload: { email: partner.accountUser.email, password: TEST_PASSWORD },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail).toMatch(/suspended/);
    } finally {
      await t.db.update(partners).set({ suspendedAt: null }).where(eq(partners.id, partner.id));
    }
    const back = await signIn(t.app, partner.accountUser.email);
    expect((await back.request({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
  });
});

describe("users with access to an account", () => {
  it("see exactly the accounts granted to them, in lists and by id, as grants come and go", async () => {
    const { partner, admin } = await setUp();
    const [first, second] = [
      await createAccount(t.db, partner.id, catalogue),
      await createAccount(t.db, partner.id, catalogue),
    ];
    if (!first || !second) throw new Error("accounts not created");
    const user = await signIn(t.app, partner.accountUser.email);
    const listed = async () =>
      (await user.request({ method: "GET", url: "/api/v1/accounts" }))
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort();
    const opens = async (id: string) =>
      (await user.request({ method: "GET", url: `/api/v1/accounts/${id}` })).statusCode;
    const grant = (accountId: string) =>
      admin.request({
        method: "POST",
        url: `/api/v1/accounts/${accountId}/users`,
        payload: { userId: partner.accountUser.id },
      });

    expect(await listed()).toEqual([]);
    expect(await opens(first.id)).toBe(404);

    const granted = await grant(first.id);
    expect(granted.statusCode).toBe(200);
    expect(granted.json().items).toEqual([
      expect.objectContaining({ id: partner.accountUser.id, userType: "client", status: "active" }),
    ]);
    expect((await grant(first.id)).statusCode).toBe(200);
    expect(await listed()).toEqual([first.id]);
    expect(await opens(first.id)).toBe(200);
    expect(await opens(second.id)).toBe(404);

    await grant(second.id);
    expect(await listed()).toEqual([first.id, second.id].sort());

    const revoked = await admin.request({
      method: "DELETE",
      url: `/api/v1/accounts/${first.id}/users/${partner.accountUser.id}`,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().items).toEqual([]);
    expect(await listed()).toEqual([second.id]);
    expect(await opens(first.id)).toBe(404);
    expect(await opens(second.id)).toBe(200);

    const kinds = await t.db
      .select({ kind: securityEvents.kind })
      .from(securityEvents)
      .where(
        and(
          eq(securityEvents.subject, partner.accountUser.email),
          like(securityEvents.kind, "access_%"),
        ),
      );
    expect(kinds.map((event) => event.kind).sort()).toEqual([
      "access_granted",
      "access_granted",
      "access_revoked",
    ]);
  });

  it("never include another partner's user, nor are another partner's accounts reachable", async () => {
    const { partner, admin } = await setUp();
    const other = await setUp();
    const ours = await createAccount(t.db, partner.id, catalogue);
    const theirs = await createAccount(t.db, other.partner.id, catalogue);
    const grantTheirUser = await admin.request({
      method: "POST",
      url: `/api/v1/accounts/${ours.id}/users`,
      payload: { userId: other.partner.accountUser.id },
    });
    expect(grantTheirUser.statusCode).toBe(404);
    for (const request of [
      { method: "GET" as const, url: `/api/v1/accounts/${theirs.id}/users` },
      {
        method: "POST" as const,
        url: `/api/v1/accounts/${theirs.id}/users`,
        payload: { userId: partner.accountUser.id },
      },
      {
        method: "DELETE" as const,
        url: `/api/v1/accounts/${theirs.id}/users/${other.partner.accountUser.id}`,
      },
    ]) {
      expect((await admin.request(request)).statusCode).toBe(404);
    }
  });

  it("are account-level users: a SuperAdmin reaches every account already", async () => {
    const { partner, admin } = await setUp();
    const account = await createAccount(t.db, partner.id, catalogue);
    const refused = await admin.request({
      method: "POST",
      url: `/api/v1/accounts/${account.id}/users`,
      payload: { userId: partner.superAdmin.id },
    });
    expect(refused.statusCode).toBe(400);
  });
});
