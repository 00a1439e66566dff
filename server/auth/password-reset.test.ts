import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox, securityEvents, users, verifications } from "../db/schema/index.ts";
import { createCustomerSuccess, createPartner, type PartnerFixture } from "../test/factories.ts";
import {
  anonymous,
  PUBLIC_URL,
  signIn,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from "../test/harness.ts";

let t: TestApp;
let partner: PartnerFixture;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createPartner(t.db);
});
afterAll(() => t.close());

/**
 * better-auth allows three reset requests a minute from one address; each test asks from its own,
 * as different people would.
 */
const someAddress = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250)).join(".")}`;

const requestReset = (email: string, remoteAddress = someAddress()) =>
  anonymous(t.app).request({
    method: "POST",
    url: "/api/auth/request-password-reset",
    payload: { email },
    remoteAddress,
  });

const resetPassword = (token: string, newPassword: string) =>
  anonymous(t.app).request({
    method: "POST",
    url: "/api/auth/reset-password",
    payload: { token, newPassword },
  });

/** The token of the last reset link e-mailed to `email`. */
async function mailedToken(email: string): Promise<string> {
  const [mail] = await t.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.topic, "password_reset")))
    .orderBy(desc(mailOutbox.queuedAt))
    .limit(1);
  const link = mail?.text.match(/(http\S+\/reset-password\?token=\S+)/)?.[1];
  if (!link) throw new Error(`no reset link mailed to ${email}`);
  return new URL(link).searchParams.get("token") ?? "";
}

async function eventsAbout(email: string) {
  return t.db
    .select()
    .from(securityEvents)
    .where(eq(securityEvents.subject, email))
    .orderBy(securityEvents.id);
}

/** The tokens of every reset link e-mailed to `email`. */
async function mailedTokens(email: string): Promise<string[]> {
  const mails = await t.db
    .select({ text: mailOutbox.text })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.topic, "password_reset")));
  return mails.flatMap(({ text }) => {
    const link = text.match(/(http\S+\/reset-password\?token=\S+)/)?.[1];
    return link ? [new URL(link).searchParams.get("token") ?? ""] : [];
  });
}

describe("forgetting one's password", () => {
  it("e-mails a link to our reset page, in the user's language, and logs the request", async () => {
    await t.db.update(users).set({ language: "es" }).where(eq(users.id, partner.accountUser.id));
    const response = await requestReset(partner.accountUser.email, "10.9.9.9");
    expect(response.statusCode).toBe(200);
    const [mail] = await t.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, partner.accountUser.email));
    expect(mail).toMatchObject({ topic: "password_reset", language: "es", partnerId: partner.id });
    expect(mail?.subject).toBe("Restablece tu contraseña de Wattfolio");
    expect(mail?.text).toContain(`${PUBLIC_URL}/reset-password?token=`);
    expect(mail?.text).toContain("60 minutos");
    const [event] = await eventsAbout(partner.accountUser.email);
    expect(event).toMatchObject({
      kind: "password_reset_requested",
      actorId: null,
      partnerId: partner.id,
      address: "10.9.9.9",
    });
  });

  it("answers the same whether or not the address belongs to someone", async () => {
    const known = await requestReset(partner.superAdmin.email);
    const unknown = await requestReset(`nobody-${randomUUID()}@partner.test`);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.json()).toEqual(known.json());
    expect(unknown.headers["content-type"]).toBe(known.headers["content-type"]);
  });

  it("keeps only a hash of the token", async () => {
    const other = await createPartner(t.db);
    await requestReset(other.accountUser.email);
    const token = await mailedToken(other.accountUser.email);
    const stored = await t.db
      .select({ identifier: verifications.identifier })
      .from(verifications)
      .where(eq(verifications.value, other.accountUser.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.identifier).not.toContain(token);
  });

  it("sets the new password once: the link does not work a second time", async () => {
    const other = await createPartner(t.db);
    await requestReset(other.accountUser.email);
    const token = await mailedToken(other.accountUser.email);
    expect((await resetPassword(token, "a brand new password")).statusCode).toBe(200);
    await signIn(t.app, other.accountUser.email, "a brand new password");
    const again = await resetPassword(token, "yet another password");
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({
      code: "BAD_REQUEST",
      detail: "This link has been used or has expired. Ask for a new one.",
    });
    await expect(signIn(t.app, other.accountUser.email, "yet another password")).rejects.toThrow();
  });

  it("ends every session the user had, and logs the reset", async () => {
    const other = await createPartner(t.db);
    const session = await signIn(t.app, other.superAdmin.email);
    await requestReset(other.superAdmin.email);
    const reset = await anonymous(t.app).request({
      method: "POST",
      url: "/api/auth/reset-password",
      payload: { token: await mailedToken(other.superAdmin.email), newPassword: "reset and safe" },
      remoteAddress: "10.7.7.7",
    });
    expect(reset.statusCode).toBe(200);
    expect((await session.request({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
    const kinds = (await eventsAbout(other.superAdmin.email)).map((e) => e.kind);
    expect(kinds).toContain("password_reset");
    const done = (await eventsAbout(other.superAdmin.email)).find(
      (e) => e.kind === "password_reset",
    );
    expect(done).toMatchObject({
      actorId: other.superAdmin.id,
      partnerId: other.id,
      address: "10.7.7.7",
    });
  });

  it("refuses a link older than an hour", async () => {
    const other = await createPartner(t.db);
    await requestReset(other.accountUser.email);
    const token = await mailedToken(other.accountUser.email);
    // better-auth checks expiry against the wall clock: the row is made to have expired instead.
    await t.db
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verifications.value, other.accountUser.id));
    const response = await resetPassword(token, "too late for this");
    expect(response.statusCode).toBe(400);
    await expect(signIn(t.app, other.accountUser.email, "too late for this")).rejects.toThrow();
  });

  it("makes the link last an hour", async () => {
    const other = await createPartner(t.db);
    const before = Date.now();
    await requestReset(other.accountUser.email);
    await mailedToken(other.accountUser.email);
    const [row] = await t.db
      .select({ expiresAt: verifications.expiresAt })
      .from(verifications)
      .where(eq(verifications.value, other.accountUser.id));
    const lifetime = (row?.expiresAt.getTime() ?? 0) - before;
    expect(lifetime).toBeGreaterThan(59 * 60 * 1000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60 * 1000 + 5000);
  });

  it("sends nothing to a deactivated user", async () => {
    const other = await createPartner(t.db);
    await t.db
      .update(users)
      .set({ deactivatedAt: new Date() })
      .where(eq(users.id, other.accountUser.id));
    expect((await requestReset(other.accountUser.email)).statusCode).toBe(200);
    const mails = await t.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, other.accountUser.email));
    expect(mails).toEqual([]);
  });

  it("is documented in the API reference, both steps, open to anyone", () => {
    const { paths } = (
      t.app as unknown as { swagger(): { paths: Record<string, { post?: { security?: [] } }> } }
    ).swagger();
    for (const path of ["/api/auth/request-password-reset", "/api/auth/reset-password"]) {
      expect(paths[path]?.post?.security, path).toEqual([]);
    }
  });

  it("is refused with a malformed address, before better-auth sees it", async () => {
    const response = await requestReset("not an address");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      errors: [{ field: "email" }],
    });
  });
});

describe("the other reset links a user has asked for", () => {
  /** Two reset links for the address, both still unused. */
  async function twoLinks(email: string): Promise<string[]> {
    await requestReset(email);
    await requestReset(email);
    const tokens = await mailedTokens(email);
    expect(tokens).toHaveLength(2);
    return tokens;
  }

  const refused = async (token: string) =>
    (await resetPassword(token, "a password nobody asked for")).statusCode;

  it("stop working once the password is reset with one of them", async () => {
    const other = await createPartner(t.db);
    const [first, second] = await twoLinks(other.accountUser.email);
    expect((await resetPassword(first ?? "", "the chosen password")).statusCode).toBe(200);
    expect(await refused(second ?? "")).toBe(400);
  });

  it("stop working once the user changes their password", async () => {
    const other = await createPartner(t.db);
    const [token] = await twoLinks(other.accountUser.email);
    const session = await signIn(t.app, other.accountUser.email);
    const changed = await session.request({
      method: "POST",
      url: "/api/auth/change-password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a changed password" },
    });
    expect(changed.statusCode).toBe(200);
    expect(await refused(token ?? "")).toBe(400);
  });

  it("stop working once the user is deactivated", async () => {
    const other = await createPartner(t.db);
    const [token] = await twoLinks(other.accountUser.email);
    const admin = await signIn(t.app, other.superAdmin.email);
    const deactivated = await admin.request({
      method: "POST",
      url: `/api/v1/users/${other.accountUser.id}/deactivate`,
    });
    expect(deactivated.statusCode).toBe(200);
    expect(await refused(token ?? "")).toBe(400);
  });

  it("stop working once a Customer Success member is deactivated", async () => {
    const leaving = await createCustomerSuccess(t.db);
    const colleague = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
    const [token] = await twoLinks(leaving.email);
    const deactivated = await colleague.request({
      method: "POST",
      url: `/api/v1/staff/${leaving.id}/deactivate`,
    });
    expect(deactivated.statusCode).toBe(200);
    expect(await refused(token ?? "")).toBe(400);
  });

  it("stop working once the user's partner is suspended", async () => {
    const other = await createPartner(t.db);
    const [token] = await twoLinks(other.superAdmin.email);
    const cs = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
    const suspended = await cs.request({
      method: "POST",
      url: `/api/v1/partners/${other.id}/suspend`,
    });
    expect(suspended.statusCode).toBe(200);
    expect(await refused(token ?? "")).toBe(400);
    expect(
      await t.db.select().from(verifications).where(eq(verifications.value, other.superAdmin.id)),
    ).toEqual([]);
  });
});
