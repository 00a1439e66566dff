/**
 * The figures operators watch, in Prometheus' format: how long requests take by route and status,
 * how busy the database pool is, what waits in the outboxes, whether the reminder sweep keeps up,
 * how often the quota refuses, and how often deliveries fail. Each app has a registry of its own
 * (tests build several apps in one process). Figures read from the database or from other parts
 * are computed as Prometheus scrapes, not kept up to date in between.
 */
import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Clock } from "../../shared/domain/clock.ts";
import type { ErrorCode } from "../../shared/errors.ts";
import { type Database, type PoolUsage, poolUsage } from "../db/client.ts";
import { Problem } from "../errors.ts";
import type { LifecycleMetrics } from "../jobs/schedule.ts";
import { type Outbox, type Waiting, waitingInOutboxes } from "./outbox.ts";

export interface Metrics {
  registry: Registry;
  /** Counts the lifecycle's runs: the sweep's last run, failed deliveries. */
  lifecycle: LifecycleMetrics;
  /** Times every request and counts the quota's refusals. */
  observe(app: FastifyInstance): void;
}

/** The route label of a request no route matched: the raw URL would make a label per address. */
export const UNMATCHED_ROUTE = "unmatched";

/** The refusals of the usage API's quota, by what ran out. */
const QUOTA_REFUSALS: Partial<Record<ErrorCode, string>> = {
  QUOTA_EXCEEDED: "datapoints",
  INSUFFICIENT_SMS_CREDITS: "sms_credits",
};

const OUTBOXES: Outbox[] = ["mail", "webhook"];
const DELIVERY_OUTCOMES = ["retrying", "failed"] as const;

export function createMetrics({
  db,
  clock,
  sweepIntervalMs,
  processFigures,
}: {
  db: Database;
  /** The app's clock, the one the sweep runs by. */
  clock: Clock;
  /** How often the schedule sweeps; 0 when it does not (the lag then means nothing). */
  sweepIntervalMs: number;
  /**
   * The Node.js process's own figures (CPU, memory, event loop, GC). They start monitors that run
   * for the life of the process: only where a listener serves them, not in every app a test builds.
   */
  processFigures: boolean;
}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (processFigures) collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from receiving a request to sending its answer, by method, route pattern and status",
    labelNames: ["method", "route", "status_code"],
    registers,
  });

  // The embedded database has no pool to tell of: no figures rather than made-up ones.
  const pool = () => poolUsage(db);
  if (pool()) {
    const poolGauge = (name: string, help: string, figure: keyof PoolUsage) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(pool()?.[figure] ?? 0);
        },
      });
    poolGauge("wattfolio_db_pool_size", "Connections the database pool may open", "size");
    poolGauge(
      "wattfolio_db_pool_in_use",
      "Database pool connections running a query or a transaction",
      "inUse",
    );
    poolGauge(
      "wattfolio_db_pool_waiting",
      "Requests waiting for a free database pool connection",
      "waiting",
    );
  }

  // The two outbox gauges come from one query per scrape, which both await.
  let reading: Promise<Record<Outbox, Waiting>> | undefined;
  const waiting = () => {
    reading ??= waitingInOutboxes(db, clock.now()).finally(() => {
      reading = undefined;
    });
    return reading;
  };
  const outboxGauge = (name: string, help: string, figure: keyof Waiting) =>
    new Gauge({
      name,
      help,
      labelNames: ["outbox"],
      registers,
      async collect() {
        const figures = await waiting();
        for (const outbox of OUTBOXES) this.set({ outbox }, figures[outbox][figure]);
      },
    });
  outboxGauge(
    "wattfolio_outbox_queued",
    "E-mails (outbox=mail) and webhook deliveries (outbox=webhook) waiting to be delivered, retries included",
    "queued",
  );
  outboxGauge(
    "wattfolio_outbox_oldest_age_seconds",
    "How long the oldest e-mail or webhook delivery still waiting was written ago; 0 when none waits",
    "oldestAgeSeconds",
  );

  const builtAt = clock.now();
  let lastSweep: Date | undefined;
  new Gauge({
    name: "wattfolio_reminder_sweep_last_run_timestamp_seconds",
    help: "When this instance's last complete reminder sweep began (Unix time); 0 before the first",
    registers,
    collect() {
      this.set(lastSweep ? lastSweep.getTime() / 1000 : 0);
    },
  });
  if (sweepIntervalMs > 0) {
    new Gauge({
      name: "wattfolio_reminder_sweep_lag_seconds",
      help: "How long this instance's next reminder sweep is overdue (the schedule's interval after the last one began); 0 while on time",
      registers,
      collect() {
        // The schedule sweeps as the app starts: until one completes, one is due since then.
        const dueAt = lastSweep ? lastSweep.getTime() + sweepIntervalMs : builtAt.getTime();
        this.set(Math.max(0, clock.now().getTime() - dueAt) / 1000);
      },
    });
  }

  const quotaRefusals = new Counter({
    name: "wattfolio_quota_refusals_total",
    help: "Usage API requests refused because the account had not enough left, by kind (datapoints, sms_credits)",
    labelNames: ["kind"],
    registers,
  });
  const mailFailures = new Counter({
    name: "wattfolio_mail_delivery_failures_total",
    help: "Failed attempts to deliver an e-mail, by outcome: retrying later, or failed for good",
    labelNames: ["outcome"],
    registers,
  });
  const webhookFailures = new Counter({
    name: "wattfolio_webhook_delivery_failures_total",
    help: "Failed attempts to post a webhook, by outcome: retrying later, or failed for good",
    labelNames: ["outcome"],
    registers,
  });
  // Every series from the start, so that a rate over the first failure is not lost.
  for (const kind of Object.values(QUOTA_REFUSALS)) quotaRefusals.inc({ kind }, 0);
  for (const outcome of DELIVERY_OUTCOMES) {
    mailFailures.inc({ outcome }, 0);
    webhookFailures.inc({ outcome }, 0);
  }

  return {
    registry,
    lifecycle: {
      swept: (at) => {
        if (!lastSweep || at > lastSweep) lastSweep = at;
      },
      mailDispatched: (report) => {
        for (const outcome of DELIVERY_OUTCOMES) mailFailures.inc({ outcome }, report[outcome]);
      },
      webhooksPosted: (report) => {
        for (const outcome of DELIVERY_OUTCOMES) webhookFailures.inc({ outcome }, report[outcome]);
      },
    },
    observe: (app) => {
      app.addHook("onResponse", async (request, reply) => {
        requestDuration.observe(
          {
            method: request.method,
            route: request.routeOptions.url ?? UNMATCHED_ROUTE,
            status_code: String(reply.statusCode),
          },
          reply.elapsedTime / 1000,
        );
      });
      // A refusal is counted as it is decided; an idempotent replay of it is not counted again.
      app.addHook("onError", async (_request, _reply, error) => {
        const kind = error instanceof Problem ? QUOTA_REFUSALS[error.code] : undefined;
        if (kind) quotaRefusals.inc({ kind });
      });
    },
  };
}
