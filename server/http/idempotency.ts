/**
 * `Idempotency-Key` on every POST of a signed-in person or an API key. The key is claimed before
 * the handler runs (a row of `idempotency_keys` holding `{pending: true}`), so a second request
 * with it never runs the change again: it waits for the first one's answer and gets it back with
 * `Idempotent-Replayed: true`; the same key with another request is refused (422). A refusal
 * (4xx/5xx) releases the claim, so retrying it tries again. A crash between the change and the
 * recording of its answer leaves the claim pending: retries are then refused with 409 for the
 * key's day, never doubled.
 *
 * The usage POSTs write their answer in the very statement of their change instead (see
 * server/usage/idempotency.ts), on the hot path without a second round-trip; they are left to it.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Clock } from "../../shared/domain/clock.ts";
import type { Database } from "../db/client.ts";
import { idempotencyKeys } from "../db/schema/index.ts";
import { Problem } from "../errors.ts";
import { markReplay, type Remembering, rememberingOf } from "../usage/idempotency.ts";

const RETENTION_MS = 24 * 60 * 60 * 1000;
/** How long a request waits for the first one with its key before saying it is still running. */
const WAIT_MS = 5_000;
const POLL_MS = 50;

/** The usage POSTs remember their answers themselves, in the statement of the change. */
const REMEMBERED_BY_THEIR_OWN_STATEMENT = /^\/api\/v1\/usage\//;

interface Stored {
  status: number;
  contentType: string | null;
  location: string | null;
  body: unknown;
}
type Remembered = { pending: true } | { answer: Stored };

declare module "fastify" {
  interface FastifyRequest {
    /** Set while this request holds the claim of its Idempotency-Key. */
    idempotencyClaim?: Remembering | undefined;
  }
}

function mine({ owner, key }: Remembering) {
  return and(
    owner.apiKeyId === null
      ? eq(idempotencyKeys.userId, owner.userId)
      : eq(idempotencyKeys.apiKeyId, owner.apiKeyId),
    eq(idempotencyKeys.key, key),
  );
}

/** True when this request now holds the key; a record past its day is forgotten first. */
async function claim(db: Database, remembering: Remembering): Promise<boolean> {
  const cutoff = new Date(remembering.now.getTime() - RETENTION_MS);
  await db
    .delete(idempotencyKeys)
    .where(and(mine(remembering), lt(idempotencyKeys.createdAt, cutoff)));
  const claimed = await db
    .insert(idempotencyKeys)
    .values({
      apiKeyId: remembering.owner.apiKeyId,
      userId: remembering.owner.userId,
      key: remembering.key,
      fingerprint: remembering.fingerprint,
      response: { pending: true } satisfies Remembered,
      createdAt: remembering.now,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return claimed.length > 0;
}

/** The first request's answer, once it has one; refuses another request under the same key. */
async function answerOf(db: Database, remembering: Remembering): Promise<Stored> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const [found] = await db
      .select({ fingerprint: idempotencyKeys.fingerprint, response: idempotencyKeys.response })
      .from(idempotencyKeys)
      .where(mine(remembering));
    if (found && found.fingerprint !== remembering.fingerprint) {
      throw new Problem(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was used for another request. Use a new key for a new request.",
      );
    }
    const record = found?.response as Remembered | undefined;
    if (record && "answer" in record) return record.answer;
    // Released meanwhile (the first was refused): this one may try for itself.
    if (!found && (await claim(db, remembering))) throw new ClaimedAfterAll();
    if (Date.now() > deadline) {
      throw new Problem(
        "IDEMPOTENCY_KEY_IN_USE",
        "A request with this Idempotency-Key is still being answered. Retry in a moment.",
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

class ClaimedAfterAll extends Error {}

function bodyOf(payload: unknown, contentType: string | null): unknown {
  if (typeof payload !== "string" || payload === "") return null;
  return contentType?.includes("json") ? JSON.parse(payload) : payload;
}

/**
 * A new API key's or webhook endpoint's secret is in its answer, which a retry must get back; the
 * database keeps API keys' secrets only as hashes, so the remembered answer keeps it sealed
 * (AES-256-GCM under a key derived from the app's secret), never in clear.
 */
interface Sealed {
  sealed: string;
}

function secretSealer(appSecret: string) {
  const key = Buffer.from(hkdfSync("sha256", appSecret, "", "wattfolio idempotent answers", 32));
  const seal = (secret: string): Sealed => {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    const text = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
    return { sealed: Buffer.concat([iv, cipher.getAuthTag(), text]).toString("base64") };
  };
  const open = ({ sealed }: Sealed): string => {
    const bytes = Buffer.from(sealed, "base64");
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  };
  const isRecord = (body: unknown): body is Record<string, unknown> =>
    typeof body === "object" && body !== null && !Array.isArray(body);
  return {
    sealSecret: (body: unknown): unknown =>
      isRecord(body) && typeof body.secret === "string"
        ? { ...body, secret: seal(body.secret) }
        : body,
    openSecret: (body: unknown): unknown =>
      isRecord(body) && isRecord(body.secret) && typeof body.secret.sealed === "string"
        ? { ...body, secret: open(body.secret as unknown as Sealed) }
        : body,
  };
}

export function registerIdempotency(
  app: FastifyInstance,
  { db, clock, appSecret }: { db: Database; clock: Clock; appSecret: string },
): void {
  const { sealSecret, openSecret } = secretSealer(appSecret);
  app.addHook("preHandler", async (request: FastifyRequest, reply) => {
    if (request.method !== "POST" || !request.actor) return;
    if (REMEMBERED_BY_THEIR_OWN_STATEMENT.test(request.url)) return;
    const remembering = rememberingOf(request, request.actor, clock.now());
    if (!remembering) return;
    if (await claim(db, remembering)) {
      request.idempotencyClaim = remembering;
      return;
    }
    let stored: Stored;
    try {
      stored = await answerOf(db, remembering);
    } catch (error) {
      if (!(error instanceof ClaimedAfterAll)) throw error;
      request.idempotencyClaim = remembering;
      return;
    }
    markReplay(reply, { result: null, replayed: true });
    if (stored.location) reply.header("location", stored.location);
    if (stored.contentType) reply.type(stored.contentType);
    return reply.code(stored.status).send(openSecret(stored.body));
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const remembering = request.idempotencyClaim;
    if (!remembering) return payload;
    request.idempotencyClaim = undefined;
    if (reply.statusCode >= 400) {
      await db.delete(idempotencyKeys).where(mine(remembering));
      return payload;
    }
    const contentType = reply.getHeader("content-type");
    const location = reply.getHeader("location");
    const answer: Stored = {
      status: reply.statusCode,
      contentType: typeof contentType === "string" ? contentType : null,
      location: typeof location === "string" ? location : null,
      body: sealSecret(bodyOf(payload, typeof contentType === "string" ? contentType : null)),
    };
    try {
      await db
        .update(idempotencyKeys)
        .set({ response: { answer } satisfies Remembered })
        .where(mine(remembering));
    } catch (error) {
      // The change is made: its answer goes out all the same. The claim stays pending, so a retry
      // is refused (409) rather than done twice.
      request.log.error({ err: error }, "the answer of an idempotent request was not recorded");
    }
    return payload;
  });
}
