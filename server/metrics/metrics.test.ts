/**
 * The figures Prometheus scrapes from `/metrics`, on the metrics listener only: requests by route
 * pattern, the quota's refusals, the outboxes, failed deliveries, the reminder sweep and the pool.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventType } from "../../shared/domain/events.ts";
import { loadConfig } from "../config.ts";
import { recordEvent } from "../events/record-event.ts";
import { inviteUser } from "../invitations/invite-user.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import {
  anonymous,
  onPostgres,
  PUBLIC_URL,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from "../test/harness.ts";
import { type SmtpSink, startSmtpSink } from "../test/smtp.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../test/webhook-receiver.ts";

const NOW = "2026-03-15T10:00:00Z";

let t: TestApp;
let smtp: SmtpSink;
let receiver: WebhookReceiver;
let catalogue: Catalogue;
let partner: PartnerFixture;
let superAdmin: Session;

beforeAll(async () => {
  smtp = await startSmtpSink();
  // Its own database: the outboxes are every partner's. The metrics port is never listened on in
  // tests (instance.ts does that); the listener is asked directly.
  t = await startTestApp({
    isolated: true,
    now: NOW,
    config: { SMTP_URL: smtp.url, METRICS_PORT: "9464" },
  });
  receiver = await startWebhookReceiver(t.clock);
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
});
afterAll(async () => {
  await t.close();
  await receiver.close();
  await smtp.close();
});

/** The scrape's samples, by name with their labels as Prometheus prints them. */
async function scrape(app = t.app): Promise<Map<string, number>> {
  const response = await app.metricsListener.inject({ method: "GET", url: "/metrics" });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toContain("text/plain");
  const samples = new Map<string, number>();
  for (const line of response.body.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

const sample = async (series: string) => (await scrape()).get(series);

async function apiKey(): Promise<string> {
  const response = await superAdmin.request({
    method: "POST",
    url: "/api/v1/api-keys",
    payload: { name: "Platform integration" },
  });
  expect(response.statusCode).toBe(201);
  return response.json().secret;
}

describe("the metrics endpoint", () => {
  it("is not served on the public port", async () => {
    const response = await anonymous(t.app).request({ method: "GET", url: "/metrics" });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain("http_request_duration_seconds");
  });

  it("is off unless a port of its own is given, which may not be the public one", () => {
    expect(loadConfig({}).metrics).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: "9464" }).metrics).toEqual({
      host: "127.0.0.1",
      port: 9464,
    });
    expect(loadConfig({ METRICS_PORT: "9464", METRICS_HOST: "10.0.0.7" }).metrics).toEqual({
      host: "10.0.0.7",
      port: 9464,
    });
    expect(() => loadConfig({ PORT: "8080", METRICS_PORT: "8080" })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ METRICS_PORT: "port" })).toThrow(/METRICS_PORT/);
  });

  it("tells the process's own figures too where metrics are served", async () => {
    const samples = await scrape();
    expect(samples.get("process_cpu_seconds_total")).toBeGreaterThan(0);
    expect(samples.get("nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  });
});

describe("request durations", () => {
  it("are counted by the route's pattern and the answer's status, never by the address asked", async () => {
    const account = await createAccount(t.db, partner.id, catalogue);
    const series = (route: string, status: number) =>
      `http_request_duration_seconds_count{method="GET",route="${route}",status_code="${status}"}`;
    const before = await scrape();
    expect(
      (await superAdmin.request({ method: "GET", url: `/api/v1/accounts/${account.id}` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await superAdmin.request({ method: "GET", url: `/api/v1/nowhere/${account.id}` }))
        .statusCode,
    ).toBe(404);
    const after = await scrape();
    const counted = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    expect(counted(series("/api/v1/accounts/:id", 200))).toBe(1);
    expect(counted(series("unmatched", 404))).toBe(1);
    expect(
      after.get(
        `http_request_duration_seconds_sum{method="GET",route="/api/v1/accounts/:id",status_code="200"}`,
      ),
    ).toBeGreaterThan(0);
    expect([...after.keys()].filter((name) => name.includes(account.id))).toEqual([]);
  });
});

describe("quota refusals", () => {
  it("are counted by what ran out: datapoints or SMS credits", async () => {
    const secret = await apiKey();
    const account = await createAccount(t.db, partner.id, catalogue, {
      datapointsContracted: 20,
      smsCredits: 5,
    });
    const post = (path: string, payload: object) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/usage/accounts/${account.id}${path}`,
        headers: { authorization: `Bearer ${secret}` },
        payload,
      });
    const datapoints = 'wattfolio_quota_refusals_total{kind="datapoints"}';
    const sms = 'wattfolio_quota_refusals_total{kind="sms_credits"}';
    const before = await scrape();
    expect(before.get(datapoints)).toBeTypeOf("number");

    const meters = Array.from({ length: 21 }, (_, i) => ({
      externalId: `m-${i}`,
      name: `Meter ${i}`,
      deviceName: "Main meter",
      kind: "meter",
    }));
    expect((await post("/datapoints", { datapoints: meters })).statusCode).toBe(409);
    expect((await post("/sms-credits/spend", { credits: 6 })).statusCode).toBe(409);
    expect((await post("/sms-credits/spend", { credits: 5 })).statusCode).toBe(200);

    const after = await scrape();
    expect((after.get(datapoints) ?? 0) - (before.get(datapoints) ?? 0)).toBe(1);
    expect((after.get(sms) ?? 0) - (before.get(sms) ?? 0)).toBe(1);
  });
});

describe("the outboxes", () => {
  const queued = (outbox: string) => `wattfolio_outbox_queued{outbox="${outbox}"}`;
  const oldest = (outbox: string) => `wattfolio_outbox_oldest_age_seconds{outbox="${outbox}"}`;

  it("show a queued e-mail and its age until it is delivered, and count a failed attempt", async () => {
    await t.app.lifecycle.dispatch();
    expect(await sample(queued("mail"))).toBe(0);
    expect(await sample(oldest("mail"))).toBe(0);
    const retrying = 'wattfolio_mail_delivery_failures_total{outcome="retrying"}';
    const failuresBefore = (await sample(retrying)) ?? 0;

    await inviteUser({
      db: t.db,
      clock: t.clock,
      publicUrl: PUBLIC_URL,
      invitedBy: null,
      partnerId: partner.id,
      userType: "manager",
      email: `invited-${partner.id}@example.test`,
      name: "Ana Invitada",
    });
    t.clock.advance(90_000);
    expect(await sample(queued("mail"))).toBe(1);
    expect(await sample(oldest("mail"))).toBe(90);

    smtp.refuseNext(1);
    expect(await t.app.lifecycle.dispatch()).toMatchObject({ retrying: 1 });
    expect(await sample(retrying)).toBe(failuresBefore + 1);
    t.clock.advance(60 * 60_000);
    expect(await sample(queued("mail"))).toBe(1);
    expect(await sample(oldest("mail"))).toBe(90 + 3600);

    expect(await t.app.lifecycle.dispatch()).toMatchObject({ sent: 1 });
    expect(await sample(queued("mail"))).toBe(0);
    expect(await sample(oldest("mail"))).toBe(0);
    expect(await sample(retrying)).toBe(failuresBefore + 1);
  });

  it("show a webhook delivery waiting for its endpoint, and count its failed attempt", async () => {
    t.clock.set(NOW);
    const eventTypes: EventType[] = ["account.expired"];
    const path = "/hooks/failing";
    receiver.answerAlways(path, { status: 500 });
    const registered = await superAdmin.request({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: receiver.url(path), eventTypes },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    receiver.secretsFor(path, [registered.json().secret]);
    const account = await createAccount(t.db, partner.id, catalogue);
    const retrying = 'wattfolio_webhook_delivery_failures_total{outcome="retrying"}';
    const failuresBefore = (await sample(retrying)) ?? 0;
    expect(await sample(queued("webhook"))).toBe(0);

    await t.db.transaction(async (tx) => {
      await recordEvent(tx, {
        type: "account.expired",
        partnerId: partner.id,
        accountId: account.id,
        occurredAt: t.clock.now(),
        data: { accountId: account.id, accountName: account.name, endsOn: account.endsOn },
      });
    });
    t.clock.advance(30_000);
    expect(await sample(queued("webhook"))).toBe(1);
    expect(await sample(oldest("webhook"))).toBe(30);

    expect(await t.app.lifecycle.deliverWebhooks()).toMatchObject({ retrying: 1 });
    expect(receiver.received.filter((r) => r.path === path)).toHaveLength(1);
    expect(await sample(retrying)).toBe(failuresBefore + 1);
    // Still waiting, for its next attempt.
    expect(await sample(queued("webhook"))).toBe(1);
  });
});

describe("the reminder sweep", () => {
  it("tells when it last ran and, on a schedule, how overdue the next run is", async () => {
    const lastRun = "wattfolio_reminder_sweep_last_run_timestamp_seconds";
    const lag = "wattfolio_reminder_sweep_lag_seconds";
    // Its own database: the scheduled runs sweep and deliver for every partner.
    const scheduled = await startTestApp({
      isolated: true,
      now: NOW,
      // An hour: the schedule's own next run, by the wall's time, never comes during the test.
      config: { SWEEP_INTERVAL_SECONDS: "3600" },
    });
    try {
      await scheduled.app.lifecycle.sweep();
      expect((await scrape(scheduled.app)).get(lastRun)).toBe(Date.parse(NOW) / 1000);
      scheduled.clock.advance(3_590_000);
      expect((await scrape(scheduled.app)).get(lag)).toBe(0);
      scheduled.clock.advance(55_000);
      expect((await scrape(scheduled.app)).get(lag)).toBe(45);
    } finally {
      await scheduled.close();
    }
    // Without a schedule (SWEEP_INTERVAL_SECONDS=0) nothing is ever overdue here.
    const samples = await scrape();
    expect(samples.has(lag)).toBe(false);
    expect(samples.get(lastRun)).toBe(0);
  });
});

describe("the database pool", () => {
  it("is told on PostgreSQL: its size, connections in use and requests waiting", async () => {
    const samples = await scrape();
    if (!onPostgres) {
      // The embedded database has one connection and no pool to tell of.
      expect([...samples.keys()].filter((name) => name.startsWith("wattfolio_db_pool"))).toEqual(
        [],
      );
      return;
    }
    expect(samples.get("wattfolio_db_pool_size")).toBe(20);
    expect(samples.get("wattfolio_db_pool_waiting")).toBe(0);
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      const during = await scrape();
      expect(during.get("wattfolio_db_pool_in_use")).toBeGreaterThanOrEqual(1);
    });
  });
});
