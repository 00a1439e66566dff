import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, mailOutbox, partners, securityEvents } from "../db/schema/index.ts";
import { seedDemo } from "../demo/seed.ts";
import { createNotices } from "../notices/notices.ts";
import { createPartner } from "../test/factories.ts";
import { anonymous, PUBLIC_URL, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { runAdminCommand } from "./commands.ts";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function admin(...args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runAdminCommand(args, {
    db: t.db,
    clock: t.clock,
    publicUrl: PUBLIC_URL,
    print: (line) => lines.push(line),
  });
  return { code, output: lines.join("\n") };
}

describe("npm run admin -- create-staff", () => {
  it("invites a Customer Success user and prints a link that lets them choose a password and sign in", async () => {
    const email = `first-${randomUUID().slice(0, 8)}@operator.test`;
    const { code, output } = await admin(
      "create-staff",
      "--email",
      email,
      "--name",
      "Ana Operator",
    );
    expect(code).toBe(0);
    const link = output.match(/(http\S+\/invitations\/\S+)/)?.[1];
    expect(link).toBeDefined();
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.email, email));
    expect(invitation).toMatchObject({ partnerId: null, userType: null, invitedBy: null });
    const [event] = await t.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.subject, email));
    expect(event).toMatchObject({ kind: "invitation_sent", actorId: null });
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
    expect(mails).toHaveLength(1);

    const token = new URL(link ?? "").pathname.split("/").at(-1);
    const accepted = await anonymous(t.app).request({
      method: "POST",
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: "the operator's own" },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const session = await signIn(t.app, email, "the operator's own");
    const me = await session.request({ method: "GET", url: "/api/v1/me" });
    expect(me.json()).toMatchObject({ email, name: "Ana Operator", role: "customer_success" });
  });

  it("refuses an address that already has a user, and invites nobody", async () => {
    const partner = await createPartner(t.db);
    const { code, output } = await admin(
      "create-staff",
      "--email",
      partner.superAdmin.email.toUpperCase(),
      "--name",
      "Someone Else",
    );
    expect(code).toBe(1);
    expect(output).toContain("already has a Wattfolio user");
    const open = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, partner.superAdmin.email));
    expect(open).toEqual([]);
  });

  it("says how to use it when the e-mail or the name is missing or wrong", async () => {
    expect((await admin()).code).toBe(2);
    expect((await admin("create-staff", "--email", "a@b.test")).output).toContain("Usage");
    expect((await admin("create-staff", "--email", "nope", "--name", "X")).output).toContain(
      "Not an e-mail address",
    );
    expect((await admin("make-coffee")).output).toContain("Unknown command: make-coffee");
  });
});

describe("an operator's installation", () => {
  it("is never seeded with the demo once its first Customer Success user was invited, even before they accept", async () => {
    const own = await startTestApp({ isolated: true });
    try {
      const lines: string[] = [];
      const code = await runAdminCommand(
        ["create-staff", "--email", "ops@operator.test", "--name", "Olga Operator"],
        { db: own.db, clock: own.clock, publicUrl: PUBLIC_URL, print: (line) => lines.push(line) },
      );
      expect(code).toBe(0);
      const seeded = await seedDemo(own.db, {
        now: own.clock.now(),
        notices: createNotices(PUBLIC_URL),
        publicUrl: PUBLIC_URL,
      });
      expect(seeded).toBe(false);
      expect(await own.db.select({ id: partners.id }).from(partners)).toHaveLength(0);
    } finally {
      await own.close();
    }
  });
});
