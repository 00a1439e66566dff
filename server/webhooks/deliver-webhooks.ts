/**
 * Delivers webhooks, as the mail dispatcher delivers the outbox: each due delivery is claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease (its next attempt moved a few minutes ahead), posted outside
 * any transaction, then recorded — delivered, retrying later (WEBHOOK_RETRY_DELAYS_MS) or failed —
 * with the attempt in the log, under the condition that the claim is still this one's.
 *
 * At least once: a deliverer that dies after the endpoint answered but before recording it leaves
 * the lease to run out and the delivery is posted again, with the same `webhook-id` (the event's
 * id), by which the receiver recognises it. Two instances never post the same attempt at once.
 *
 * Payloads are signed as the Standard Webhooks specification says, with the endpoint's secret and,
 * for a day after a rotation, also with the previous one. A delivery failed for good counts against
 * the endpoint; after WEBHOOK_DISABLE_AFTER_FAILURES in a row the endpoint is disabled and its
 * owners are told by e-mail. Deliveries of a disabled endpoint wait until it is enabled again.
 *
 * Except where local delivery is allowed (development, tests), nothing is posted to this machine or
 * a private network: the addresses are checked as the connection is made (private-network.ts).
 */
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { and, eq, inArray, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { Clock } from "../../shared/domain/clock.ts";
import {
  nextWebhookAttempt,
  WEBHOOK_DISABLE_AFTER_FAILURES,
  WEBHOOK_RESPONSE_EXCERPT_CHARS,
} from "../../shared/domain/webhooks.ts";
import type { Database } from "../db/client.ts";
import {
  events,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from "../db/schema/index.ts";
import { tellOwnersOfDisabledEndpoint } from "./endpoint-disabled-notice.ts";
import { holdDeliveries } from "./hold-deliveries.ts";
import { guardedLookup, isPrivateAddress, PrivateAddressError } from "./private-network.ts";

/** How long a claim holds a delivery: well beyond the longest answer timeout (60 s). */
export const WEBHOOK_LEASE_MS = 5 * 60_000;

export interface WebhookReport {
  delivered: number;
  retrying: number;
  failed: number;
}

interface Claimed {
  id: string;
  attempts: number;
  endpointId: string;
  eventId: string;
}

/**
 * Takes the delivery that has waited longest among those due to enabled endpoints. The due index
 * holds only deliveries of enabled endpoints (`endpoint_enabled`, see holdDeliveries), so what a
 * disabled endpoint has waiting is never read here; the endpoint's own flag is still checked for a
 * delivery the fan-out wrote as its endpoint was being disabled.
 */
export async function claimNextDelivery(db: Database, now: Date): Promise<Claimed | undefined> {
  const due = sql`(
    select d.id from ${webhookDeliveries} d
    where d.status in ('queued', 'retrying') and d.endpoint_enabled
      and d.next_attempt_at <= ${now.toISOString()}::timestamptz
      and exists (select 1 from ${webhookEndpoints} e where e.id = d.endpoint_id and e.enabled)
    order by d.next_attempt_at
    limit 1
    for update of d skip locked
  )`;
  const [claimed] = await db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + WEBHOOK_LEASE_MS),
    })
    .where(eq(webhookDeliveries.id, due))
    .returning({
      id: webhookDeliveries.id,
      attempts: webhookDeliveries.attempts,
      endpointId: webhookDeliveries.endpointId,
      eventId: webhookDeliveries.eventId,
    });
  return claimed;
}

interface Attempt {
  attemptedAt: Date;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseExcerpt: string;
}

/** The signatures of one message: the current secret's and, during a rotation, the previous one's. */
export function signatures(
  endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
  messageId: string,
  timestamp: Date,
  body: string,
): string {
  const secrets = [endpoint.secret];
  if (
    endpoint.previousSecret &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > timestamp
  ) {
    secrets.push(endpoint.previousSecret);
  }
  return secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(" ");
}

/** The first characters of an answer, without reading more of a long one than needed. */
function excerptOf(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const decoder = new TextDecoder();
    let text = "";
    const done = () => resolve(text.slice(0, WEBHOOK_RESPONSE_EXCERPT_CHARS));
    response.on("data", (chunk: Buffer) => {
      text += decoder.decode(chunk, { stream: true });
      if (text.length >= WEBHOOK_RESPONSE_EXCERPT_CHARS) {
        response.destroy();
        done();
      }
    });
    response.on("end", done);
    // Cut short (timeout, connection lost): what came so far.
    response.on("error", done);
    response.on("close", done);
  });
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof PrivateAddressError) return error.message;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `No answer within ${timeoutMs} ms`;
  }
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (code) return `Could not connect (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Posts with node:http(s) rather than fetch, whose connections cannot be checked: unless local
 * delivery is allowed, a literal private address is refused here and a host name's addresses when
 * the connection is made (`guardedLookup`). Redirects are not followed (a 3xx is the answer); each
 * post has its own connection (no agent), so none skips the check by reusing another's socket.
 */
function post(
  target: string,
  headers: Record<string, string>,
  body: string,
  { timeoutMs, allowLocal }: { timeoutMs: number; allowLocal: boolean },
  attemptedAt: Date,
): Promise<Attempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (error: unknown): Attempt => ({
    attemptedAt,
    statusCode: null,
    durationMs: elapsed(),
    error: describeFailure(error, timeoutMs),
    responseExcerpt: "",
  });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch (error) {
      resolve(failed(error));
      return;
    }
    // Node connects to an IP address without a lookup, so a literal one is checked here.
    if (!allowLocal && isPrivateAddress(url.hostname)) {
      resolve(failed(new PrivateAddressError(url.hostname.replace(/^\[(.*)\]$/, "$1"))));
      return;
    }
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        agent: false,
        ...(allowLocal ? {} : { lookup: guardedLookup }),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        void excerptOf(response).then((responseExcerpt) =>
          resolve({
            attemptedAt,
            statusCode: response.statusCode ?? null,
            durationMs: elapsed(),
            error: null,
            responseExcerpt,
          }),
        );
      },
    );
    request.on("error", (error) => resolve(failed(error)));
    request.end(body);
  });
}

/** Posts one claimed delivery; undefined when its endpoint or event went away meanwhile. */
async function attemptDelivery(
  db: Database,
  claimed: Claimed,
  now: Date,
  connection: { timeoutMs: number; allowLocal: boolean },
): Promise<Attempt | undefined> {
  const [row] = await db
    .select({
      endpoint: {
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
        previousSecret: webhookEndpoints.previousSecret,
        previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
      },
      event: { id: events.id, type: events.type, occurredAt: events.occurredAt, data: events.data },
    })
    .from(webhookEndpoints)
    .innerJoin(events, eq(events.id, claimed.eventId))
    .where(eq(webhookEndpoints.id, claimed.endpointId));
  if (!row) return undefined;
  const { endpoint, event } = row;
  const body = JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: event.data,
  });
  const headers = {
    "content-type": "application/json",
    "user-agent": "Wattfolio-Webhooks/1",
    "webhook-id": event.id,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": signatures(endpoint, event.id, now, body),
  };
  return post(endpoint.url, headers, body, connection, now);
}

/**
 * Records the attempt if the claim is still this one's (a deliverer whose lease ran out and was
 * overtaken records nothing), and what follows from it for the delivery and its endpoint.
 */
async function recordAttempt(
  db: Database,
  claimed: Claimed,
  attempt: Attempt,
  now: Date,
  publicUrl: string,
): Promise<keyof WebhookReport | undefined> {
  const succeeded =
    attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.id, claimed.id),
          eq(webhookDeliveries.attempts, claimed.attempts),
          inArray(webhookDeliveries.status, ["queued", "retrying"]),
        ),
      )
      .for("update");
    if (!current) return undefined;
    await tx.insert(webhookAttempts).values({ deliveryId: claimed.id, ...attempt });
    if (succeeded) {
      await tx
        .update(webhookDeliveries)
        .set({ status: "delivered", deliveredAt: now })
        .where(eq(webhookDeliveries.id, claimed.id));
      await tx
        .update(webhookEndpoints)
        .set({ consecutiveFailures: 0 })
        .where(eq(webhookEndpoints.id, claimed.endpointId));
      return "delivered";
    }
    const retryAt = nextWebhookAttempt(claimed.attempts, now);
    if (retryAt) {
      await tx
        .update(webhookDeliveries)
        .set({ status: "retrying", nextAttemptAt: retryAt })
        .where(eq(webhookDeliveries.id, claimed.id));
      return "retrying";
    }
    await tx
      .update(webhookDeliveries)
      .set({ status: "failed" })
      .where(eq(webhookDeliveries.id, claimed.id));
    await countFailure(tx, claimed.endpointId, now, publicUrl);
    return "failed";
  });
}

/** One more delivery failed for good; at the limit the endpoint is disabled, once, and its owners told. */
async function countFailure(tx: Database, endpointId: string, now: Date, publicUrl: string) {
  const [endpoint] = await tx
    .update(webhookEndpoints)
    .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
    .where(eq(webhookEndpoints.id, endpointId))
    .returning({ failures: webhookEndpoints.consecutiveFailures });
  if (!endpoint || endpoint.failures < WEBHOOK_DISABLE_AFTER_FAILURES) return;
  const [disabled] = await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledAt: now, disabledReason: "failing" })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.enabled, true)))
    .returning({
      id: webhookEndpoints.id,
      partnerId: webhookEndpoints.partnerId,
      url: webhookEndpoints.url,
      failures: webhookEndpoints.consecutiveFailures,
    });
  if (!disabled) return;
  await holdDeliveries(tx, endpointId, false);
  await tellOwnersOfDisabledEndpoint(tx, disabled, now, publicUrl);
}

/** How many posts one instance has in flight at once: a slow endpoint does not hold up the rest. */
export const WEBHOOK_CONCURRENCY = 8;

/**
 * Delivers up to `batchSize` due deliveries, a few at a time, each worker claiming one delivery at a
 * time so that each lease covers one post.
 */
export async function deliverWebhooks({
  db,
  clock,
  batchSize,
  timeoutMs,
  allowLocal,
  publicUrl,
}: {
  db: Database;
  clock: Clock;
  batchSize: number;
  timeoutMs: number;
  /** Whether endpoints may be on this machine or a private network (WEBHOOK_ALLOW_LOCAL_HTTP). */
  allowLocal: boolean;
  publicUrl: string;
}): Promise<WebhookReport> {
  const report: WebhookReport = { delivered: 0, retrying: 0, failed: 0 };
  let claims = 0;
  const worker = async () => {
    while (claims < batchSize) {
      claims++;
      const claimed = await claimNextDelivery(db, clock.now());
      if (!claimed) return;
      const attempt = await attemptDelivery(db, claimed, clock.now(), {
        timeoutMs,
        allowLocal,
      });
      if (!attempt) continue;
      const outcome = await recordAttempt(db, claimed, attempt, clock.now(), publicUrl);
      if (outcome) report[outcome]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(WEBHOOK_CONCURRENCY, batchSize) }, worker));
  return report;
}
