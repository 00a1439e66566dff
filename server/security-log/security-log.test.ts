import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { SecurityEvent } from "../../shared/api/security-log.ts";
import type { SecurityEventKind } from "../../shared/domain/security-log.ts";
import { securityEvents } from "../db/schema/index.ts";
import { createCustomerSuccess, createPartner, type PartnerFixture } from "../test/factories.ts";
import {
  anonymous,
  type Session,
  signIn,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from "../test/harness.ts";

let t: TestApp;
let partner: PartnerFixture;
let other: PartnerFixture;
let superAdmin: Session;
let customerSuccess: Session;
let staffId: string;
/** An address nobody has; unique, as other test files write to the log as well. */
const NOBODY = `nobody-${randomUUID()}@nowhere.test`;

beforeAll(async () => {
  t = await startTestApp({ config: { TEST_CLOCK: "1" } });
  partner = await createPartner(t.db);
  other = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  const staff = await createCustomerSuccess(t.db);
  staffId = staff.id;
  customerSuccess = await signIn(t.app, staff.email);
});
afterAll(() => t.close());

const signInFrom = (email: string, password: string, remoteAddress: string) =>
  anonymous(t.app).request({
    method: "POST",
    url: "/api/auth/sign-in/email",
    payload: { email, password },
    remoteAddress,
  });

async function readLog(
  session: Session,
  query = "",
): Promise<{ items: SecurityEvent[]; next: number | null }> {
  const response = await session.request({ method: "GET", url: `/api/v1/security-log${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The last event of `kind` about `subject` (other test files write to the log too). */
async function lastEvent(kind: SecurityEventKind, subject: string) {
  const [event] = await t.db
    .select()
    .from(securityEvents)
    .where(and(eq(securityEvents.kind, kind), eq(securityEvents.subject, subject)))
    .orderBy(desc(securityEvents.id))
    .limit(1);
  return event;
}

describe("sign-ins in the security log", () => {
  it("records a successful sign-in with the user, their partner and the address", async () => {
    expect((await signInFrom(other.accountUser.email, TEST_PASSWORD, "10.1.2.3")).statusCode).toBe(
      200,
    );
    expect(await lastEvent("sign_in_succeeded", other.accountUser.email)).toMatchObject({
      actorId: other.accountUser.id,
      partnerId: other.id,
      subject: other.accountUser.email,
      address: "10.1.2.3",
    });
  });

  it("records a failed one with the e-mail tried, no actor, and the partner the address belongs to", async () => {
    const wrong = await signInFrom(
      other.accountUser.email.toUpperCase(),
      "not the password",
      "10.4.5.6",
    );
    expect(wrong.statusCode).toBe(401);
    expect(await lastEvent("sign_in_failed", other.accountUser.email.toUpperCase())).toMatchObject({
      actorId: null,
      partnerId: other.id,
      subject: other.accountUser.email.toUpperCase(),
      address: "10.4.5.6",
    });
  });

  it("records a failure for an address nobody has, belonging to no partner", async () => {
    await signInFrom(NOBODY, "whatever it is", "10.7.8.9");
    expect(await lastEvent("sign_in_failed", NOBODY)).toMatchObject({
      actorId: null,
      partnerId: null,
      subject: NOBODY,
    });
  });
});

describe("reading the security log", () => {
  it("shows a SuperAdmin their partner's events only, whatever partner they ask for", async () => {
    await signInFrom(other.superAdmin.email, "wrong password!", "10.0.0.1");
    await signInFrom(partner.accountUser.email, "wrong password!", "10.0.0.2");
    for (const query of ["?limit=200", `?partnerId=${other.id}&limit=200`]) {
      const log = await readLog(superAdmin, query);
      expect(log.items.length).toBeGreaterThan(0);
      expect(log.items.every((event) => event.partner?.id === partner.id)).toBe(true);
    }
  });

  it("shows Customer Success every partner's events, and one partner's when asked", async () => {
    for (const [person, owner] of [
      [partner.superAdmin.id, partner.id],
      [other.accountUser.id, other.id],
    ]) {
      const log = await readLog(customerSuccess, `?kind=sign_in_succeeded&actor=${person}`);
      expect(log.items.length).toBeGreaterThan(0);
      expect(log.items.every((event) => event.partner?.id === owner)).toBe(true);
    }
    const notMine = await readLog(superAdmin, `?actor=${other.accountUser.id}`);
    expect(notMine.items).toEqual([]);
    const one = await readLog(customerSuccess, `?partnerId=${other.id}`);
    expect(one.items.length).toBeGreaterThan(0);
    expect(one.items.every((event) => event.partner?.id === other.id)).toBe(true);
  });

  it("hides from a SuperAdmin the address Customer Success acted from in their partner's log", async () => {
    const email = `invited-${randomUUID()}@partner.test`;
    const invited = await customerSuccess.request({
      method: "POST",
      url: `/api/v1/partners/${partner.id}/super-admin-invitations`,
      payload: { name: "Second Admin", email },
      remoteAddress: "10.66.0.1",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    await signInFrom(partner.accountUser.email, "wrong password!", "10.66.0.2");
    await signInFrom(partner.accountUser.email, TEST_PASSWORD, "10.66.0.3");
    const sent = (log: { items: SecurityEvent[] }) =>
      log.items.find((event) => event.kind === "invitation_sent" && event.subject === email);
    expect(sent(await readLog(superAdmin, "?limit=200"))).toMatchObject({
      actor: { id: staffId },
      address: null,
    });
    expect(
      sent(await readLog(customerSuccess, `?partnerId=${partner.id}&limit=200`)),
    ).toMatchObject({ address: "10.66.0.1" });
    const own = (await readLog(superAdmin, "?limit=200")).items.map((event) => event.address);
    expect(own).toEqual(expect.arrayContaining(["10.66.0.2", "10.66.0.3"]));
  });

  it("is refused to account users", async () => {
    const user = await signIn(t.app, partner.accountUser.email);
    const response = await user.request({ method: "GET", url: "/api/v1/security-log" });
    expect(response.statusCode).toBe(403);
  });

  it("filters by kind and by actor", async () => {
    const log = await readLog(
      customerSuccess,
      `?kind=sign_in_succeeded&actor=${partner.superAdmin.id}`,
    );
    expect(log.items.length).toBeGreaterThan(0);
    for (const event of log.items) {
      expect(event).toMatchObject({
        kind: "sign_in_succeeded",
        actor: { id: partner.superAdmin.id },
      });
    }
  });

  it("pages newest first, each event once, until there is no next page", async () => {
    for (let i = 0; i < 5; i += 1) {
      await signInFrom(partner.superAdmin.email, `wrong password ${i}`, `10.0.1.${i}`);
    }
    const everything = await readLog(superAdmin, "?limit=200");
    const seen: number[] = [];
    let next: number | null = null;
    do {
      const page = await readLog(superAdmin, `?limit=2${next === null ? "" : `&before=${next}`}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((event) => event.id));
      next = page.next;
    } while (next !== null);
    expect(seen).toEqual(everything.items.map((event) => event.id));
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });
});

describe("the security log", () => {
  it("cannot be changed or emptied, even by the application's own database role", async () => {
    const event = await lastEvent("sign_in_failed", NOBODY);
    await expect(
      t.db.execute(sql`update ${securityEvents} set subject = 'forged' where id = ${event?.id}`),
    ).rejects.toThrow();
    await expect(
      t.db.execute(sql`delete from ${securityEvents} where id = ${event?.id}`),
    ).rejects.toThrow();
    expect((await lastEvent("sign_in_failed", NOBODY))?.id).toBe(event?.id);
  });

  it("records API keys created and revoked, in their partner's log", async () => {
    const created = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Logged key" },
    });
    const id = created.json().key.id;
    await superAdmin.request({ method: "POST", url: `/api/v1/api-keys/${id}/revoke` });
    await superAdmin.request({ method: "POST", url: `/api/v1/api-keys/${id}/revoke` });
    const log = await readLog(superAdmin, "?limit=200");
    const about = log.items.filter((event) => event.subject === "Logged key");
    expect(about.map((event) => event.kind)).toEqual(["api_key_revoked", "api_key_created"]);
    expect(about[1]).toMatchObject({
      actor: { id: partner.superAdmin.id },
      partner: { id: partner.id },
    });
  });

  it("records an auto-approval rule's change as before and after, and nothing when it stays", async () => {
    const set = (enabled: boolean) =>
      customerSuccess.request({
        method: "PUT",
        url: "/api/v1/review/auto-approval-rules/move_datapoints",
        payload: { enabled },
      });
    await set(false);
    expect((await set(true)).statusCode).toBe(200);
    await set(true);
    await set(false);
    const log = await readLog(
      customerSuccess,
      `?kind=auto_approval_rule_changed&actor=${staffId}&limit=2`,
    );
    expect(log.items.slice(0, 2).map((event) => event.detail)).toEqual([
      { before: { enabled: true }, after: { enabled: false } },
      { before: { enabled: false }, after: { enabled: true } },
    ]);
  });

  it("records the test clock moving, from when to when", async () => {
    const moved = await customerSuccess.request({
      method: "POST",
      url: "/api/v1/test-clock/advance",
      payload: { duration: "P1D" },
    });
    expect(moved.statusCode).toBe(200);
    const [event] = (await readLog(customerSuccess, `?kind=test_clock_moved&actor=${staffId}`))
      .items;
    const moment = z.object({ now: z.iso.datetime() });
    const { before, after } = z.object({ before: moment, after: moment }).parse(event?.detail);
    expect(Date.parse(after.now) - Date.parse(before.now)).toBe(24 * 60 * 60 * 1000);
    expect(event?.partner).toBeNull();
  });
});
