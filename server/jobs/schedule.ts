/**
 * The lifecycle work every instance runs on a schedule: refresh the test clock (when on), sweep for
 * reminders until nothing more is due, then deliver the outbox; also forget the usage API's
 * idempotency records past their day, sign-in failures quiet for an hour and webhook deliveries
 * past their retention, batch by batch. The interval timer only schedules; an in-process guard
 * keeps one run at a time here, and correctness across instances comes from the database (the
 * reminders' primary key, SKIP LOCKED claims on the outbox).
 */
import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "../../shared/domain/clock.ts";
import { forgetOldSignInFailures } from "../auth/sign-in-throttle.ts";
import type { LifecycleConfig, MailConfig, WebhookConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import { type DispatchReport, dispatchMail } from "../mail/dispatcher.ts";
import type { MailTransport } from "../mail/transports.ts";
import type { Notices } from "../notices/notices.ts";
import { type SweepReport, sweepReminders } from "../reminders/sweep.ts";
import { forgetExpiredIdempotencyKeys } from "../usage/idempotency.ts";
import { mailUsageAlerts } from "../usage/threshold-mail.ts";
import { deliverWebhooks, type WebhookReport } from "../webhooks/deliver-webhooks.ts";
import { forgetOldDeliveries } from "../webhooks/forget-old-deliveries.ts";

export interface Lifecycle {
  readonly transport: MailTransport;
  /** Sweeps batch after batch until no more reminders are due now. */
  sweep(): Promise<Omit<SweepReport, "more">>;
  /** Delivers one batch of due mail. */
  dispatch(): Promise<DispatchReport>;
  /** Posts one batch of due webhook deliveries. */
  deliverWebhooks(): Promise<WebhookReport>;
  /** A sweep then a dispatch, as the schedule runs them. */
  tick(): Promise<{ sweep: Omit<SweepReport, "more">; dispatch: DispatchReport }>;
  /** Asks the schedule, when it runs, for a run as soon as possible, without waiting for it. */
  wake(): void;
  start(): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** What the lifecycle tells the metrics of its runs (server/metrics). */
export interface LifecycleMetrics {
  /** A reminder sweep that began at `at` ran to its end. */
  swept(at: Date): void;
  /** A mail delivery run; its retrying and failed messages are failed attempts. */
  mailDispatched(report: DispatchReport): void;
  /** A webhook delivery run; its retrying and failed deliveries are failed attempts. */
  webhooksPosted(report: WebhookReport): void;
}

export function createLifecycle({
  db,
  clock,
  refreshClock,
  notices,
  transport,
  lifecycle,
  mail,
  webhooks,
  publicUrl,
  log,
  metrics,
}: {
  db: Database;
  clock: Clock;
  /** Reloads the test clock's offset; absent when the clock is the real one. */
  refreshClock?: (() => Promise<void>) | undefined;
  notices: Notices;
  transport: MailTransport;
  lifecycle: LifecycleConfig;
  mail: MailConfig;
  webhooks: WebhookConfig;
  /** Where the web app is, for links in e-mails the lifecycle writes. */
  publicUrl: string;
  log: FastifyBaseLogger;
  metrics?: LifecycleMetrics | undefined;
}): Lifecycle {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const sweep = async () => {
    await refreshClock?.();
    const startedAt = clock.now();
    const total = { reminders: 0, mails: 0, expired: 0 };
    // Usage alerts recorded by the usage API since the last run, each mailed once.
    for (;;) {
      const alerts = await mailUsageAlerts({
        db,
        notices,
        now: clock.now(),
        batchSize: lifecycle.batchSize,
      });
      total.mails += alerts.mails;
      if (!alerts.more) break;
    }
    for (;;) {
      const batch = await sweepReminders({
        db,
        notices,
        now: clock.now(),
        batchSize: lifecycle.batchSize,
      });
      total.reminders += batch.reminders;
      total.mails += batch.mails;
      total.expired += batch.expired;
      if (!batch.more) {
        metrics?.swept(startedAt);
        return total;
      }
    }
  };
  const dispatch = async () => {
    await refreshClock?.();
    const report = await dispatchMail({ db, transport, clock, batchSize: mail.batchSize });
    metrics?.mailDispatched(report);
    return report;
  };
  const postWebhooks = async () => {
    await refreshClock?.();
    const report = await deliverWebhooks({
      db,
      clock,
      batchSize: webhooks.batchSize,
      timeoutMs: webhooks.timeoutMs,
      allowLocal: webhooks.allowLocalHttp,
      publicUrl,
    });
    metrics?.webhooksPosted(report);
    return report;
  };
  const tick = async () => ({ sweep: await sweep(), dispatch: await dispatch() });

  /** One scheduled run at a time; a wake-up during a run asks for one more right after it. */
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const report = await tick();
          // Webhooks before the next run's mail: an endpoint disabled here is told of right after.
          const posted = await postWebhooks();
          if (posted.delivered + posted.failed > 0) log.info({ webhooks: posted }, "webhooks run");
          // Idempotency records past their day, old sign-in failures and webhook deliveries past
          // their retention, a bounded batch at a time until none is left.
          const batch = lifecycle.batchSize;
          while ((await forgetExpiredIdempotencyKeys(db, clock.now(), batch)) === batch);
          while ((await forgetOldSignInFailures(db, clock.now(), batch)) === batch);
          const kept = webhooks.retentionMs;
          while ((await forgetOldDeliveries(db, clock.now(), kept, batch)) === batch);
          if (report.sweep.reminders > 0 || report.dispatch.sent + report.dispatch.failed > 0) {
            log.info(report, "lifecycle run");
          }
        } catch (error) {
          log.error({ err: error }, "lifecycle run failed; the next run tries again");
        }
      } while (again && timer !== undefined);
    })().finally(() => {
      running = undefined;
    });
  };

  return {
    transport,
    sweep,
    dispatch,
    deliverWebhooks: postWebhooks,
    tick,
    wake: () => {
      if (timer) run();
    },
    start: () => {
      if (timer || lifecycle.intervalMs === 0) return;
      timer = setInterval(run, lifecycle.intervalMs);
      run();
    },
    stop: async () => {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
