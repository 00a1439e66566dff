/**
 * The reminder story end to end, on the clock the test controls, with a real SMTP server started in
 * the test: the sweep runs twice at every step, then the dispatcher delivers. Longer than most
 * files on purpose: the stories share the SMTP server and the clock steps.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths } from "../../shared/domain/calendar.ts";
import { createUser } from "../auth/users.ts";
import { accountReminders, mailOutbox } from "../db/schema/index.ts";
import { claimNextMail, deliverMail, LEASE_MS } from "../mail/dispatcher.ts";
import {
  accountById,
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import { PUBLIC_URL, signIn, startTestApp, TEST_PASSWORD, type TestApp } from "../test/harness.ts";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "../test/smtp.ts";

let t: TestApp;
let smtp: SmtpSink;
let catalogue: Catalogue;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestApp({
    isolated: true,
    config: { SMTP_URL: smtp.url, MAIL_FROM: "Wattfolio <no-reply@wattfolio.test>" },
  });
  catalogue = await createCatalogue(t.db);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const HOUR = 3_600_000;

/** A sweep (run twice, as any sweep may be) then a delivery, at the clock's time. */
async function step(): Promise<void> {
  await t.app.lifecycle.sweep();
  await t.app.lifecycle.sweep();
  await t.app.lifecycle.dispatch();
}

/** A partner with an English and a Spanish SuperAdmin, and an account with a billing contact. */
async function portfolio(endsOn: string, timeZone = "UTC") {
  const partner = await createPartner(t.db, { timeZone });
  const spanish = `es-${partner.id.slice(0, 8)}@partner.test`;
  await createUser(t.db, {
    email: spanish,
    name: "Lucía",
    password: TEST_PASSWORD,
    role: "partner",
    partnerId: partner.id,
    userType: "super_admin",
    language: "es",
  });
  const billing = `billing-${partner.id.slice(0, 8)}@customer.test`;
  const account = await createAccount(t.db, partner.id, catalogue, {
    name: `Valencia Port ${partner.id.slice(0, 4)}`,
    customerName: "Puerto de Valencia",
    endsOn,
    billingContactEmail: billing,
  });
  return {
    partner,
    account,
    spanish,
    billing,
    emails: [partner.superAdmin.email, spanish, billing],
  };
}

function mailTo(addresses: string[]): ReceivedMail[] {
  return smtp.received.filter((mail) => addresses.includes(mail.to));
}

async function remindersOf(accountId: string) {
  return t.db
    .select({
      endsOn: accountReminders.endsOn,
      stage: accountReminders.stage,
      sentOn: accountReminders.sentOn,
    })
    .from(accountReminders)
    .where(eq(accountReminders.accountId, accountId))
    .orderBy(accountReminders.sentAt);
}

describe("expiry reminders through SMTP", () => {
  it("sends exactly three reminders, on the right days, in each recipient's language, with a link to renew", async () => {
    const endsOn = "2026-05-01";
    const { partner, account, spanish, billing, emails } = await portfolio(endsOn);
    const arrivals: { at: string; subject: string; to: string }[] = [];
    t.clock.set("2026-03-31T00:30:00Z"); // 31 days before the end
    const until = new Date("2026-05-03T00:30:00Z").getTime(); // 2 days past the end
    while (t.clock.now().getTime() <= until) {
      const before = smtp.received.length;
      await step();
      for (const mail of smtp.received.slice(before).filter((m) => emails.includes(m.to))) {
        arrivals.push({ at: t.clock.now().toISOString(), subject: mail.subject, to: mail.to });
      }
      t.clock.advance(HOUR);
    }

    const name = account.name;
    expect(arrivals.map((a) => `${a.at} ${a.to} ${a.subject}`).sort()).toEqual(
      [
        `2026-04-01T00:30:00.000Z ${partner.superAdmin.email} Your account ${name} expires in 30 days (1 May 2026)`,
        `2026-04-01T00:30:00.000Z ${spanish} Tu cuenta ${name} caduca en 30 días (1 de mayo de 2026)`,
        `2026-04-01T00:30:00.000Z ${billing} Tu cuenta ${name} caduca en 30 días (1 de mayo de 2026)`,
        `2026-04-24T00:30:00.000Z ${partner.superAdmin.email} Your account ${name} expires in 7 days (1 May 2026)`,
        `2026-04-24T00:30:00.000Z ${spanish} Tu cuenta ${name} caduca en 7 días (1 de mayo de 2026)`,
        `2026-04-24T00:30:00.000Z ${billing} Tu cuenta ${name} caduca en 7 días (1 de mayo de 2026)`,
        `2026-05-01T00:30:00.000Z ${partner.superAdmin.email} Your account ${name} expires today`,
        `2026-05-01T00:30:00.000Z ${spanish} Tu cuenta ${name} caduca hoy`,
        `2026-05-01T00:30:00.000Z ${billing} Tu cuenta ${name} caduca hoy`,
      ].sort(),
    );

    const received = mailTo(emails);
    for (const mail of received) {
      expect(mail.text).toContain(`${PUBLIC_URL}/account-management`);
      expect(mail.html).toContain(`href="${PUBLIC_URL}/account-management"`);
      expect(mail.html).toContain("Puerto de Valencia");
      expect(mail.language).toBe(mail.to === partner.superAdmin.email ? "en" : "es");
      expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    }
    expect(new Set(received.map((m) => m.messageId)).size).toBe(9);
    expect((await remindersOf(account.id)).map((r) => [r.stage, r.sentOn])).toEqual([
      ["30_days", "2026-04-01"],
      ["7_days", "2026-04-24"],
      ["on_the_day", "2026-05-01"],
    ]);
  });

  it("follows the partner's time zone: the day-of reminder goes at midnight in Madrid", async () => {
    const { account, emails } = await portfolio("2026-06-10", "Europe/Madrid");
    t.clock.set("2026-06-09T21:59:00Z"); // 23:59 in Madrid, the day before
    await step();
    expect((await remindersOf(account.id)).map((r) => r.stage)).toEqual(["7_days"]);
    t.clock.set("2026-06-09T22:00:00Z"); // midnight in Madrid: the end date has come
    await step();
    expect((await remindersOf(account.id)).map((r) => [r.stage, r.sentOn])).toEqual([
      ["7_days", "2026-06-09"],
      ["on_the_day", "2026-06-10"],
    ]);
    expect(mailTo(emails).filter((m) => /today|hoy/.test(m.subject))).toHaveLength(3);
  });

  it("after a downtime from day -31 to day -5, sends only the 7-day reminder, then the last on the day", async () => {
    const endsOn = "2026-08-01";
    const { account, emails } = await portfolio(endsOn);
    t.clock.set(`${addDays(endsOn, -31)}T09:00:00Z`);
    await step();
    // Down from here until day -5.
    for (const day of [-5, -4, -1, 0, 1]) {
      t.clock.set(`${addDays(endsOn, day)}T09:00:00Z`);
      await step();
    }
    expect((await remindersOf(account.id)).map((r) => [r.stage, r.sentOn])).toEqual([
      ["7_days", addDays(endsOn, -5)],
      ["on_the_day", endsOn],
    ]);
    const subjects = mailTo(emails).map((m) => m.subject);
    expect(subjects.filter((s) => /5 days|5 días/.test(s))).toHaveLength(3);
    expect(subjects.filter((s) => /in 3\d days|en 3\d días/.test(s))).toHaveLength(0);
    expect(subjects).toHaveLength(6);
  });

  it("after a renewal 10 days before the end, never sends the old term's last reminders, and sends the new term's", async () => {
    const endsOn = "2026-10-01";
    const renewedUntil = addMonths(endsOn, 12);
    const { partner, account, emails } = await portfolio(endsOn);
    t.clock.set(`${addDays(endsOn, -30)}T08:00:00Z`);
    await step();
    t.clock.set(`${addDays(endsOn, -10)}T08:00:00Z`);
    // Renewals are approved on filing by Customer Success's default rule.
    const superAdmin = await signIn(t.app, partner.superAdmin.email);
    const renewal = await superAdmin.request({
      method: "POST",
      url: "/api/v1/account-management/applications",
      payload: { kind: "renew_subscription", accountId: account.id, payload: {} },
    });
    expect(renewal.json()).toMatchObject({ status: "approved" });
    expect((await accountById(t.db, account.id))?.endsOn).toBe(renewedUntil);
    for (const day of [-10, -7, -1, 0, 1]) {
      t.clock.set(`${addDays(endsOn, day)}T08:00:00Z`);
      await step();
    }
    expect(await remindersOf(account.id)).toEqual([
      { endsOn, stage: "30_days", sentOn: addDays(endsOn, -30) },
    ]);
    for (const day of [-30, -7, 0]) {
      t.clock.set(`${addDays(renewedUntil, day)}T08:00:00Z`);
      await step();
    }
    expect((await remindersOf(account.id)).map((r) => [r.endsOn, r.stage])).toEqual([
      [endsOn, "30_days"],
      [renewedUntil, "30_days"],
      [renewedUntil, "7_days"],
      [renewedUntil, "on_the_day"],
    ]);
    const subjects = mailTo(emails).map((m) => m.subject);
    expect(subjects.filter((s) => /expires|caduca/.test(s))).toHaveLength(12);
    expect(subjects.filter((s) => /renewed until|renovado hasta/.test(s))).toHaveLength(3);
    expect(subjects).toContain(
      `Your application was approved: Renew the subscription for one more year`,
    );
  });
});

async function outboxRowFor(recipient: string) {
  const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, recipient));
  if (!row) throw new Error(`nothing queued for ${recipient}`);
  return row;
}

/** Queues the 7-day reminder of a fresh account with only an English SuperAdmin. */
async function oneQueuedMail(): Promise<{ partner: PartnerFixture; recipient: string }> {
  const partner = await createPartner(t.db);
  const now = t.clock.now();
  await createAccount(t.db, partner.id, catalogue, {
    endsOn: addDays(now.toISOString().slice(0, 10), 7),
  });
  await t.app.lifecycle.sweep();
  await t.app.lifecycle.sweep();
  return { partner, recipient: partner.superAdmin.email };
}

describe("delivering through an SMTP server that fails", () => {
  it("retries with growing waits while the server refuses, then delivers once it recovers, exactly once", async () => {
    t.clock.set("2026-11-02T10:00:00Z");
    const { recipient } = await oneQueuedMail();
    smtp.refuseNext(5);
    const attemptsAt: string[] = [];
    for (let minute = 0; minute <= 120; minute++) {
      const attempts = smtp.attempts;
      await t.app.lifecycle.dispatch();
      if (smtp.attempts > attempts) attemptsAt.push(t.clock.now().toISOString().slice(11, 16));
      if (minute === 10) {
        const retrying = await outboxRowFor(recipient);
        expect(retrying).toMatchObject({ status: "retrying", attempts: 4 });
        expect(retrying.lastError).toMatch(/451.*Mailbox busy/);
      }
      t.clock.advance(60_000);
    }
    // Waits of 1, 2, 4, 8 and 16 minutes after the five refusals.
    expect(attemptsAt).toEqual(["10:00", "10:01", "10:03", "10:07", "10:15", "10:31"]);
    expect(mailTo([recipient])).toHaveLength(1);
    expect(await outboxRowFor(recipient)).toMatchObject({
      status: "sent",
      attempts: 6,
      lastError: null,
      sentAt: new Date("2026-11-02T10:31:00Z"),
    });
  });

  it("gives up after trying for a whole day, recording the last error", async () => {
    t.clock.set("2026-11-12T10:00:00Z");
    const { recipient } = await oneQueuedMail();
    smtp.refuseNext(1_000);
    try {
      for (let n = 0; n < 6 * 26; n++) {
        await t.app.lifecycle.dispatch();
        t.clock.advance(10 * 60_000);
      }
    } finally {
      smtp.refuseNext(0);
    }
    const row = await outboxRowFor(recipient);
    expect(row.status).toBe("failed");
    expect(row.lastError).toMatch(/Mailbox busy/);
    expect(row.attempts).toBeGreaterThan(20);
    const tried = (row.nextAttemptAt.getTime() - (row.firstAttemptAt?.getTime() ?? 0)) / HOUR;
    expect(tried).toBeGreaterThanOrEqual(24);
    await t.app.lifecycle.dispatch();
    expect(mailTo([recipient])).toHaveLength(0);
  });
});

describe("a dispatcher killed between sending and recording", () => {
  it("delivers again once its claim expires, with the same Message-ID, so nothing is lost and the duplicate is recognisable", async () => {
    t.clock.set("2026-11-20T10:00:00Z");
    const { recipient } = await oneQueuedMail();
    // The killed dispatcher: it claims the message and the server accepts it; it records nothing.
    const claimed = await claimNextMail(t.db, t.clock.now());
    expect(claimed?.recipient).toBe(recipient);
    if (!claimed) return;
    expect(await deliverMail(t.app.lifecycle.transport, claimed, t.clock.now())).toEqual({
      delivered: true,
    });

    // While its claim lasts, no other dispatcher takes the message.
    t.clock.advance(LEASE_MS - 1000);
    await t.app.lifecycle.dispatch();
    expect(mailTo([recipient])).toHaveLength(1);

    t.clock.advance(1000);
    await t.app.lifecycle.dispatch();
    const copies = mailTo([recipient]);
    expect(copies).toHaveLength(2);
    expect(copies[1]?.messageId).toBe(copies[0]?.messageId);
    expect(copies[0]?.messageId).toBe(claimed.messageId);
    expect(await outboxRowFor(recipient)).toMatchObject({ status: "sent", attempts: 2 });
    const [count] = await t.db
      .select({ value: sql<number>`count(*)::int` })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.recipient, recipient), eq(mailOutbox.status, "sent")));
    expect(count?.value).toBe(1);
  });
});
