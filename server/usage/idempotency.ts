/**
 * `Idempotency-Key` for the POST requests of the usage API. The answer of a request that changed
 * something is written by the same statement that makes the change (see `rememberAnswer`), so a
 * change is never without its record, whatever crashes. A retry with the same key and the same
 * request gets that answer back without doing it again; the same key with another request is
 * refused. Refusals change nothing and are not kept: retrying one tries again. Keys are scoped by
 * API key (or by user, for the web app), and kept for a day.
 */
import { createHash } from "node:crypto";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Caller } from "../access/actor.ts";
import { type Database, queryRows } from "../db/client.ts";
import { idempotencyKeys } from "../db/schema/index.ts";
import { Problem } from "../errors.ts";

const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** What a request with an Idempotency-Key needs to be remembered: whose key, which key, which request. */
export interface Remembering {
  owner: { apiKeyId: string; userId: null } | { apiKeyId: null; userId: string };
  key: string;
  /** SHA-256 of the method, path and validated body. */
  fingerprint: string;
  now: Date;
}

/** The remembering a request asks for, or null without an Idempotency-Key header. */
export function rememberingOf(
  request: FastifyRequest,
  caller: Caller,
  now: Date,
): Remembering | null {
  const key = request.headers["idempotency-key"];
  if (typeof key !== "string") return null;
  const path = request.url.split("?")[0];
  // The body as validated: zod gives its keys in the schema's order, so equal bodies hash alike.
  const fingerprint = createHash("sha256")
    .update(`${request.method} ${path}\n${JSON.stringify(request.body ?? null)}`)
    .digest("hex");
  const owner =
    caller.kind === "integration"
      ? { apiKeyId: caller.apiKeyId, userId: null }
      : { apiKeyId: null, userId: caller.userId };
  return { owner, key, fingerprint, now };
}

/**
 * A CTE to append to a change's statement: records `answer` (a jsonb column of the CTE named
 * `from`) under the key. It fails the whole statement, change included, if the key was taken
 * meanwhile, and `idempotently` then answers what the other request answered.
 */
export function rememberAnswer(remembering: Remembering | null, from: SQL, answer: SQL): SQL {
  if (!remembering) return sql``;
  const { owner, key, fingerprint, now } = remembering;
  return sql`, remembered as (
    insert into ${idempotencyKeys} (api_key_id, user_id, key, fingerprint, response, created_at)
    select ${owner.apiKeyId}::uuid, ${owner.userId}::text, ${key}, ${fingerprint}, ${answer}, ${now.toISOString()}::timestamptz
    from ${from}
  )`;
}

interface Answer<T> {
  result: T;
  /** True when this is the answer of an earlier request with the same key. */
  replayed: boolean;
}

/** Runs a change once per Idempotency-Key; `change` must write its answer with `rememberAnswer`. */
export async function idempotently<T>(
  db: Database,
  remembering: Remembering | null,
  change: (remembering: Remembering | null) => Promise<T>,
): Promise<Answer<T>> {
  if (!remembering) return { result: await change(null), replayed: false };
  const earlier = await recall<T>(db, remembering);
  if (earlier) return earlier;
  try {
    return { result: await change(remembering), replayed: false };
  } catch (error) {
    // A request with the same key may have landed meanwhile (this one waited for it, or was
    // refused because of what it did): its answer is the answer.
    const landed = await recall<T>(db, remembering);
    if (landed) return landed;
    throw error;
  }
}

async function recall<T>(db: Database, remembering: Remembering): Promise<Answer<T> | null> {
  const { owner, key, fingerprint, now } = remembering;
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS);
  const mine = and(
    owner.apiKeyId === null
      ? eq(idempotencyKeys.userId, owner.userId)
      : eq(idempotencyKeys.apiKeyId, owner.apiKeyId),
    eq(idempotencyKeys.key, key),
  );
  // A record past its day is forgotten on the way, so that its key can be used again.
  const [found] = await queryRows<{ fingerprint: string; response: T }>(
    db,
    sql`with forgotten as (
      delete from ${idempotencyKeys} where ${mine} and ${idempotencyKeys.createdAt} < ${cutoff.toISOString()}::timestamptz
    )
    select fingerprint, response from ${idempotencyKeys}
    where ${mine} and ${idempotencyKeys.createdAt} >= ${cutoff.toISOString()}::timestamptz`,
  );
  if (!found) return null;
  if (found.fingerprint !== fingerprint) {
    throw new Problem(
      "IDEMPOTENCY_KEY_REUSED",
      "This Idempotency-Key was used for another request. Use a new key for a new request.",
    );
  }
  return { result: found.response, replayed: true };
}

/** Tells the client that the answer is a replay (as Stripe's `Idempotent-Replayed`). */
export function markReplay(reply: FastifyReply, answer: Answer<unknown>): void {
  if (answer.replayed) reply.header("idempotent-replayed", "true");
}

/** Forgets records past their day, a bounded batch at a time; safe to run on every server. */
export async function forgetExpiredIdempotencyKeys(
  db: Database,
  now: Date,
  batchSize = 1_000,
): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS);
  const forgotten = await queryRows(
    db,
    sql`delete from ${idempotencyKeys} where ctid in (
      select ctid from ${idempotencyKeys} where ${idempotencyKeys.createdAt} < ${cutoff.toISOString()}::timestamptz
      limit ${batchSize} for update skip locked
    ) returning 1`,
  );
  return forgotten.length;
}
