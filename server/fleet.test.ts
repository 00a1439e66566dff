/**
 * Three instances on one PostgreSQL database behind HAProxy (deploy/haproxy.cfg), under load, while
 * one instance is stopped (SIGTERM: it drains) and another killed (SIGKILL). Real processes, a real
 * load balancer, loopback only.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { request } from "node:http";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fleet, HAPROXY_CONFIG, startFleet } from "../deploy/fleet.ts";
import { addDays } from "../shared/domain/calendar.ts";
import { createApiKey } from "./api-keys/create-api-key.ts";
import { createUser } from "./auth/users.ts";
import { type Database, openDatabase, queryRows } from "./db/client.ts";
import { accounts, partners } from "./db/schema/index.ts";
import { createCatalogue } from "./test/factories.ts";
import { onPostgres } from "./test/harness.ts";
import { administer } from "./test/postgres-setup.ts";

/** HAProxy's port; the instances take the next three, its stats page the fourth. */
const PORT = 3650;
/** The most the load lasts; it ends earlier once every quota is full and the survivor served. */
const MAX_LOAD_MS = 40_000;
const ACCOUNTS = 8;
/** Small, so that the load asks for far more than the accounts may have. */
const CONTRACTED = 20;
const SUPER_ADMINS = 2;
/** Accounts whose reminder falls due during the load. */
const LATER_ACCOUNTS = 30;

interface Seeded {
  accountIds: string[];
  /** An account outside the load, for the request held in flight during the drain. */
  heldAccountId: string;
  apiKey: string;
  /** Adds accounts ending in five days, as another instance would: their reminders fall due. */
  addExpiring(count: number): Promise<string[]>;
}

async function seed(db: Database, today: string): Promise<Seeded> {
  const catalogue = await createCatalogue(db);
  const [partner] = await db
    .insert(partners)
    .values({ name: "Fleet Energy Services", timeZone: "UTC", country: "ES" })
    .returning();
  if (!partner) throw new Error("seed failed");
  const account = (name: string, contracted: number) => ({
    partnerId: partner.id,
    name,
    customerName: "Fleet",
    country: "ES",
    sectorCode: catalogue.sectorCode,
    licenceId: catalogue.licenceId,
    startsOn: addDays(today, -360),
    // Ending in five days: every instance's first sweep finds the 7-day reminder due.
    endsOn: addDays(today, 5),
    datapointsContracted: contracted,
  });
  const loaded = await db
    .insert(accounts)
    .values(Array.from({ length: ACCOUNTS }, (_, i) => account(`Site ${i}`, CONTRACTED)))
    .returning();
  const [held] = await db.insert(accounts).values(account("Held", 1_000)).returning();
  if (!held) throw new Error("seed failed");
  for (let i = 0; i < SUPER_ADMINS; i++) {
    await createUser(db, {
      email: `admin${i}@fleet.test`,
      name: `Fleet Admin ${i}`,
      password: "fleet-password-0123",
      role: "partner",
      partnerId: partner.id,
      userType: "super_admin",
    });
  }
  const staff = await createUser(db, {
    email: "cs@fleet.test",
    name: "Customer Success",
    password: "fleet-password-0123",
    role: "customer_success",
  });
  const key = await createApiKey({
    db,
    actor: {
      kind: "customer_success",
      userId: staff.id,
      name: "CS",
      email: "cs@fleet.test",
      language: "en",
    },
    name: "EMP (fleet)",
    accountId: null,
    now: new Date(),
  });
  return {
    accountIds: loaded.map((a) => a.id),
    heldAccountId: held.id,
    apiKey: key.secret,
    addExpiring: async (count) => {
      const added = await db
        .insert(accounts)
        .values(Array.from({ length: count }, (_, i) => account(`Later ${i}`, CONTRACTED)))
        .returning();
      return added.map((a) => a.id);
    },
  };
}

/** One datapoint per registration, under a key of its own: a retry of it is answered, not redone. */
function registration(externalId: string, billable: boolean) {
  return JSON.stringify({
    datapoints: [
      {
        externalId,
        name: "Meter",
        deviceName: "Main board",
        kind: billable ? "meter" : "calculated",
      },
    ],
  });
}

interface Load {
  result: autocannon.Result;
  statuses: Map<number, number>;
  /** The registrations answered 2xx: account id → external ids. */
  acknowledged: Map<string, string[]>;
  /** When each 2xx answer came (performance.now()). */
  answeredAt: number[];
}

interface LoadUnderWay {
  /** The accounts a registration was refused for (409): their quota is full. */
  refused: Set<string>;
  stop(): void;
  finished: Promise<Load>;
}

/**
 * Registrations (half billable) and reads of usage through HAProxy, until stopped or MAX_LOAD_MS:
 * as long as the test needs on a fast machine or a slow one.
 */
function putLoad(url: string, seeded: Seeded): LoadUnderWay {
  const statuses = new Map<number, number>();
  const acknowledged = new Map<string, string[]>();
  const answeredAt: number[] = [];
  const refused = new Set<string>();
  const count = (status: number) => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status >= 200 && status < 300) answeredAt.push(performance.now());
  };
  type Context = { accountId?: string; externalId?: string };
  const anyAccount = () =>
    seeded.accountIds[Math.floor(Math.random() * seeded.accountIds.length)] as string;
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<Load>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        connections: 16,
        duration: MAX_LOAD_MS / 1000,
        headers: { authorization: `Bearer ${seeded.apiKey}`, "content-type": "application/json" },
        requests: [
          {
            method: "POST",
            setupRequest: (request, context: Context) => {
              context.accountId = anyAccount();
              context.externalId = randomUUID();
              return {
                ...request,
                path: `/api/v1/usage/accounts/${context.accountId}/datapoints`,
                headers: { ...request.headers, "idempotency-key": randomUUID() },
                body: registration(context.externalId, Math.random() < 0.5),
              };
            },
            onResponse: (status, _body, context: Context) => {
              count(status);
              if (!context.accountId || !context.externalId) return;
              if (status === 409) refused.add(context.accountId);
              if (status >= 200 && status < 300) {
                const ids = acknowledged.get(context.accountId) ?? [];
                ids.push(context.externalId);
                acknowledged.set(context.accountId, ids);
              }
            },
          },
          {
            method: "GET",
            setupRequest: (request) => ({
              ...request,
              path: `/api/v1/usage/accounts/${anyAccount()}`,
            }),
            onResponse: (status) => count(status),
          },
        ],
      },
      (error, result) =>
        error ? reject(error) : resolve({ result, statuses, acknowledged, answeredAt }),
    );
  });
  return { refused, stop: () => instance?.stop(), finished };
}

/** HAProxy's figures for the backend: requests retried and redispatched to another instance. */
async function haproxyRetries(
  statsUrl: string,
): Promise<{ retries: number; redispatches: number }> {
  const csv = await (await fetch(`${statsUrl};csv`)).text();
  const [header = "", ...rows] = csv.replace(/^# /, "").trim().split("\n");
  const columns = header.split(",");
  const backend = rows
    .map((row) => row.split(","))
    .find((cells) => cells[0] === "instances" && cells[1] === "BACKEND");
  const figure = (name: string) => Number(backend?.[columns.indexOf(name)] ?? Number.NaN);
  return { retries: figure("wretr"), redispatches: figure("wredis") };
}

/**
 * Until the registration sent to the held account waits for its row lock in PostgreSQL. Up to 20 s:
 * on a loaded two-core machine the instance may take seconds to get there. If it answers instead,
 * or never gets there, the error says what it answered and what the database's sessions were doing.
 */
async function waitingForLock(
  client: pg.Client,
  database: string,
  answer: Promise<Response>,
): Promise<void> {
  let answered: string | undefined;
  void answer.then(
    (response) => {
      answered = `it answered ${response.status}`;
    },
    (error: unknown) => {
      answered = `its request failed: ${String(error)}`;
    },
  );
  for (let waited = 0; waited < 20_000 && !answered; waited += 50) {
    const { rows } = await client.query(
      `select count(*)::int as waiting from pg_stat_activity
       where datname = $1 and wait_event_type = 'Lock'`,
      [database],
    );
    if ((rows[0] as { waiting: number }).waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { rows: sessions } = await client.query(
    `select state, wait_event_type, wait_event, left(query, 80) as query from pg_stat_activity
     where datname = $1 and pid <> pg_backend_pid()`,
    [database],
  );
  throw new Error(
    `the held registration never waited for its lock (${answered ?? "no answer in 20 s"}); the database's sessions: ${JSON.stringify(sessions)}`,
  );
}

/**
 * Until the threshold mails are queued and no mail waits for delivery but those the killed
 * instance holds under its lease.
 */
async function settled(db: Database, thresholdMails: number): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 200) {
    const [state] = await queryRows<{ alerts: number; waiting: number }>(
      db,
      sql`select count(*) filter (where topic = 'usage_threshold_reached')::int as alerts,
            count(*) filter (where status <> 'sent' and (attempts = 0 or next_attempt_at <= now()))::int as waiting
          from mail_outbox`,
    );
    if (state?.alerts === thresholdMails && state.waiting === 0) return;
    await sleep(200);
  }
}

/** One HTTP request sent from `localAddress` (fetch cannot choose where it connects from). */
function requestFrom(
  localAddress: string,
  url: string,
  { method, headers, body }: { method: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; cookies: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers, localAddress }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
      });
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          cookies: (response.headers["set-cookie"] ?? []).map(
            (cookie) => cookie.split(";")[0] ?? "",
          ),
          body: text,
        }),
      );
    });
    sent.on("error", reject);
    sent.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the HAProxy configuration", () => {
  it("is quoted in the README as the fleet runs it", async () => {
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    const quoted = /```haproxy\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const meaningful = (text: string) =>
      text
        .split("\n")
        .map((line) => line.replace(/#.*/, "").trimEnd())
        .filter((line) => line.trim() !== "");
    const running = meaningful(await readFile(HAPROXY_CONFIG, "utf8"));
    const lines = meaningful(quoted);
    expect(lines.length).toBeGreaterThan(10);
    // Every quoted line, in the file's order: only the comments and the sections around are left out.
    const positions = lines.map((line) => running.indexOf(line));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe.runIf(onPostgres)("a fleet of three instances behind HAProxy", { timeout: 75_000 }, () => {
  // A database of its own beside the suite's, on TEST_DATABASE_URL's server.
  const base = process.env.TEST_DATABASE_URL ?? "";
  const name = `wattfolio_fleet_${randomBytes(6).toString("hex")}`;
  let databaseUrl = "";
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  let fleet: Fleet | undefined;
  let seeded: Seeded;
  // A start cut short by a timeout still stops every process it started.
  const starting = new AbortController();
  let started: Promise<Fleet> | undefined;

  beforeAll(async () => {
    databaseUrl = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
    await administer(base, `create database ${name}`);
    database = await openDatabase({ kind: "postgres", url: databaseUrl, poolSize: 4 });
    seeded = await seed(database.db, new Date().toISOString().slice(0, 10));
    started = startFleet({
      databaseUrl,
      port: PORT,
      signal: starting.signal,
      healthCheckInterval: "200ms",
      env: {
        // Every instance sweeps and delivers mail each second, all at once.
        SWEEP_INTERVAL_SECONDS: "1",
        API_KEY_REQUESTS_PER_MINUTE: String(1_000_000),
        SHUTDOWN_TIMEOUT_SECONDS: "20",
      },
    });
    fleet = await started;
  }, 75_000);

  afterAll(async () => {
    starting.abort();
    await started?.catch(() => undefined);
    await fleet?.stop();
    await database?.close();
    await administer(base, `drop database if exists ${name} with (force)`);
  });

  it("tells each instance the client's own address, which HAProxy forwards (TRUST_PROXY), not HAProxy's", async () => {
    if (!fleet) throw new Error("the fleet did not start");
    // A client on another loopback address than HAProxy's, which connects to the instances from
    // 127.0.0.1: the session it opens records where the client is.
    const client = "127.0.0.5";
    const signedIn = await requestFrom(client, `${fleet.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: fleet.url },
      body: JSON.stringify({ email: "admin0@fleet.test", password: "fleet-password-0123" }),
    });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.cookies.join("; ");
    const sessions = await requestFrom(client, `${fleet.url}/api/v1/me/sessions`, {
      method: "GET",
      headers: { cookie },
    });
    expect(sessions.status).toBe(200);
    const { items } = JSON.parse(sessions.body) as {
      items: { address: string | null; current: boolean }[];
    };
    expect(items.find((session) => session.current)?.address).toBe(client);
  });

  it("loses no acknowledged write, answers no 500, never oversubscribes a quota, reminds and mails once, and lets the stopped instance finish its requests", async () => {
    if (!fleet || !database) throw new Error("the fleet did not start");
    const [drained, killed] = fleet.instances as [
      Fleet["instances"][number],
      Fleet["instances"][number],
    ];
    const load = putLoad(fleet.url, seeded);
    // Due while every instance sweeps each second: they race for these reminders.
    const expiringLater = await seeded.addExpiring(LATER_ACCOUNTS);
    await sleep(1_500);

    // A registration held in flight on the instance about to be stopped: its account row is locked.
    const locker = new pg.Client({ connectionString: databaseUrl });
    await locker.connect();
    let heldAnswer: Promise<Response> | undefined;
    let killedAt = Number.POSITIVE_INFINITY;
    try {
      await locker.query("begin");
      await locker.query("select 1 from accounts where id = $1 for update", [seeded.heldAccountId]);
      heldAnswer = fetch(
        `${drained.url}/api/v1/usage/accounts/${seeded.heldAccountId}/datapoints`,
        {
          method: "POST",
          headers: {
            authorization: `Bearer ${seeded.apiKey}`,
            "content-type": "application/json",
            "idempotency-key": randomUUID(),
          },
          body: registration("held-in-flight", true),
        },
      );
      await waitingForLock(locker, name, heldAnswer);
      drained.process.kill("SIGTERM");
      await sleep(500);
      // Draining: it takes nothing new (no connection, or 503), so HAProxy sends it elsewhere.
      const meanwhile = await fetch(`${drained.url}/readyz`).then(
        (response) => response.status,
        () => "refused",
      );
      expect([503, "refused"]).toContain(meanwhile);
      killed.process.kill("SIGKILL");
      killedAt = performance.now();
      await sleep(1_000);
    } finally {
      await locker.query("commit").catch(() => {});
      await locker.end();
    }
    const held = await heldAnswer;
    expect(held?.status).toBe(200);
    expect(await held?.json()).toMatchObject({ registered: [{ externalId: "held-in-flight" }] });
    expect(await drained.exit, drained.output()).toBe(0);

    // Until every contract is full and the last instance has served a while on its own.
    const loadEnds = Date.now() + MAX_LOAD_MS;
    while (load.refused.size < ACCOUNTS || performance.now() < killedAt + 2_000) {
      if (Date.now() > loadEnds) break;
      await sleep(100);
    }
    load.stop();
    const { result, statuses, acknowledged, answeredAt } = await load.finished;
    const retried = await haproxyRetries(fleet.statsUrl);
    const answered = [...statuses.values()].reduce((a, b) => a + b, 0);
    const serverErrors = [...statuses].filter(([status]) => status >= 500 && status !== 503);
    const servedBySurvivor = answeredAt.filter((at) => at > killedAt).length;
    console.info(
      `fleet: ${answered} answers (${JSON.stringify(Object.fromEntries(statuses))}), ` +
        `${servedBySurvivor} answered 2xx after the kill, ` +
        `${[...acknowledged.values()].flat().length} acknowledged registrations, ` +
        `HAProxy retried ${retried.retries} and redispatched ${retried.redispatches}`,
    );
    expect(result.errors + result.timeouts).toBe(0);
    expect(serverErrors).toEqual([]);
    // The load asked for more than the contracts allow: each refused registrations.
    expect(load.refused.size).toBe(ACCOUNTS);
    // Both stopped instances had requests when they went: retried on the survivors, and the
    // last instance standing went on answering.
    expect(retried.redispatches).toBeGreaterThan(0);
    expect(servedBySurvivor).toBeGreaterThan(0);

    // Every acknowledged registration is in the database.
    const stored = await queryRows<{ account_id: string; external_id: string }>(
      database.db,
      sql`select account_id, external_id from datapoints`,
    );
    const storedKeys = new Set(stored.map((d) => `${d.account_id}/${d.external_id}`));
    const lost = [...acknowledged].flatMap(([accountId, ids]) =>
      ids.filter((id) => !storedKeys.has(`${accountId}/${id}`)),
    );
    expect(lost).toEqual([]);

    // No quota oversubscribed, and the counter is what is stored and what the ledger adds up to.
    const usage = await queryRows<{
      id: string;
      used: number;
      contracted: number;
      billable: number;
      ledger: number;
    }>(
      database.db,
      sql`select a.id, a.datapoints_used as used, a.datapoints_contracted as contracted,
            (select count(*)::int from datapoints d where d.account_id = a.id and d.billable) as billable,
            (select coalesce(sum(l.datapoints_delta), 0)::int from usage_ledger l where l.account_id = a.id) as ledger
          from accounts a where a.id in ${seeded.accountIds}`,
    );
    for (const account of usage) {
      expect(account.used).toBeLessThanOrEqual(account.contracted);
      expect(account.billable).toBe(account.used);
      expect(account.ledger).toBe(account.used);
    }
    // The load filled every contract.
    expect(usage.map((a) => a.used)).toEqual(seeded.accountIds.map(() => CONTRACTED));

    // However many instances swept: one 7-day reminder per account, one e-mail per SuperAdmin.
    const reminders = await queryRows<{ account_id: string; stage: string; count: number }>(
      database.db,
      sql`select account_id, stage, count(*)::int as count from account_reminders group by 1, 2`,
    );
    expect(reminders.map((r) => r.account_id).sort()).toEqual(
      [...seeded.accountIds, seeded.heldAccountId, ...expiringLater].sort(),
    );
    expect(reminders.every((r) => r.stage === "7_days" && r.count === 1)).toBe(true);
    // Each threshold crossed (80 and 100 %) is told once, whichever instance's statement crossed it.
    const crossings = await queryRows<{ account_id: string; threshold: string; count: number }>(
      database.db,
      sql`select account_id, data->>'threshold' as threshold, count(*)::int as count from events
          where type = 'usage.threshold_reached' group by 1, 2`,
    );
    expect(crossings).toHaveLength(2 * ACCOUNTS);
    expect(crossings.every((c) => c.count === 1)).toBe(true);
    // The survivor's schedule mails the last crossings and delivers what is due within seconds.
    await settled(database.db, 2 * ACCOUNTS * SUPER_ADMINS);
    const mails = await queryRows<{
      topic: string;
      account_id: string;
      recipient: string;
      count: number;
    }>(
      database.db,
      sql`select topic, account_id, recipient, count(*)::int as count from mail_outbox
          group by 1, 2, 3`,
    );
    const reminderMails = mails.filter((m) => m.topic === "reminder_7_days");
    const thresholdMails = mails.filter((m) => m.topic === "usage_threshold_reached");
    expect(reminderMails).toHaveLength((ACCOUNTS + 1 + LATER_ACCOUNTS) * SUPER_ADMINS);
    expect(reminderMails.every((m) => m.count === 1)).toBe(true);
    // One per crossing and SuperAdmin: two crossings per account.
    expect(thresholdMails).toHaveLength(ACCOUNTS * SUPER_ADMINS);
    expect(thresholdMails.every((m) => m.count === 2)).toBe(true);
    // Delivered once each to the in-app mailbox; a mail still leased is on its way: taken by the
    // survivor a moment ago, or by the killed instance, and then it waits for its lease to end
    // (at least once, never lost). None failed, none delivered twice.
    const deliveries = await queryRows<{ status: string; delivered: number; leased: boolean }>(
      database.db,
      sql`select o.status, (select count(*)::int from mailbox_messages m where m.message_id = o.message_id) as delivered,
            o.attempts > 0 and o.next_attempt_at > now() as leased
          from mail_outbox o`,
    );
    for (const mail of deliveries) {
      if (mail.status === "sent") expect(mail.delivered).toBe(1);
      else {
        expect(mail).toMatchObject({ status: "queued", leased: true });
        expect(mail.delivered).toBeLessThanOrEqual(1);
      }
    }
  });
});
