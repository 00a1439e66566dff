/**
 * Sign-in throttling, a better-auth plugin on `/sign-in/email`. Failures count per account (the
 * e-mail, lower-cased as better-auth looks it up) and per client address, in the database, so that
 * every instance knows them. Past the free failures of an account or an address, each further
 * attempt waits 2, 4, 8… seconds (at most 15 minutes) after the last one; until then every attempt,
 * right password or not, is answered 429 with Retry-After. Failures quiet for an hour are forgotten.
 *
 * Race-free by claiming: before the password is checked, one statement counts the attempt as a
 * failure of both the account and the address, unless either is waiting, which it decides on the
 * rows it has locked. Twenty guesses sent at once therefore cannot all pass a check made before
 * any of them failed. What did not fail gives its claim back: a successful sign-in starts the
 * account over and returns the address's count to what it was, so an office signing in behind one
 * address never uses up its budget; an attempt refused for another reason (a malformed body, a
 * foreign origin) returns both.
 */
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { type SQL, sql } from "drizzle-orm";
import type { Clock } from "../../shared/domain/clock.ts";
import type { SignInLimits } from "../config.ts";
import { type Database, queryRows } from "../db/client.ts";
import { type SignInSubjectKind, signInFailures } from "../db/schema/index.ts";

const LONGEST_WAIT_SECONDS = 15 * 60;
/** 2^10 s is past the longest wait: the exponent stops there (and 2^n never overflows). */
const LONGEST_EXPONENT = 10;
const FORGET_AFTER = sql.raw(`interval '1 hour'`);

interface Subject {
  kind: SignInSubjectKind;
  subject: string;
}

/** The rows of one attempt: its account and its address. */
const subjectsOf = (email: string, address: string): Subject[] => [
  { kind: "account", subject: email.toLowerCase() },
  { kind: "address", subject: address },
];

const among = (subjects: Subject[]): SQL =>
  sql`(${signInFailures.kind}, ${signInFailures.subject}) in (${sql.join(
    subjects.map(({ kind, subject }) => sql`(${kind}, ${subject})`),
    sql`, `,
  )})`;

/** Until when a row makes attempts wait, or null while it has failures to spare. */
function waitingUntil(limits: SignInLimits): SQL {
  const free = sql`(case ${signInFailures.kind} when 'account' then ${limits.failuresPerAccount}::int else ${limits.failuresPerAddress}::int end)`;
  return sql`case when ${signInFailures.failures} >= ${free} then ${signInFailures.lastFailureAt}
    + least(power(2, least(${signInFailures.failures} - ${free} + 1, ${LONGEST_EXPONENT}::int)), ${LONGEST_WAIT_SECONDS}::int)
    * interval '1 second' end`;
}

export interface SignInThrottle {
  /**
   * Counts an attempt as failed for its account and address, unless either must wait: then
   * nothing is counted and the answer is how many seconds are left.
   */
  claim(email: string, address: string): Promise<{ waitSeconds: number } | null>;
  /** A successful sign-in: the account starts over; the address's claim is given back. */
  succeeded(email: string, address: string): Promise<void>;
  /** An attempt that did not get to the password: both claims are given back. */
  giveBack(email: string, address: string): Promise<void>;
}

export function createSignInThrottle(
  db: Database,
  clock: Clock,
  limits: SignInLimits,
): SignInThrottle {
  const giveBack = (subjects: Subject[]) =>
    db
      .update(signInFailures)
      .set({ failures: sql`greatest(${signInFailures.failures} - 1, 0)` })
      .where(among(subjects));

  return {
    async claim(email, address) {
      const now = clock.now().toISOString();
      const subjects = subjectsOf(email, address);
      const claimed = await queryRows<{ kind: SignInSubjectKind }>(
        db,
        sql`insert into ${signInFailures} (kind, subject, failures, last_failure_at)
        values ${sql.join(
          subjects.map(({ kind, subject }) => sql`(${kind}, ${subject}, 1, ${now}::timestamptz)`),
          sql`, `,
        )}
        on conflict (kind, subject) do update set
          failures = case when ${signInFailures.lastFailureAt} <= ${now}::timestamptz - ${FORGET_AFTER}
            then 1 else ${signInFailures.failures} + 1 end,
          last_failure_at = greatest(${signInFailures.lastFailureAt}, ${now}::timestamptz)
        where coalesce(${waitingUntil(limits)} <= ${now}::timestamptz, true)
        returning kind`,
      );
      if (claimed.length === subjects.length) return null;
      const waiting = subjects.filter((s) => !claimed.some((c) => c.kind === s.kind));
      const returned = subjects.filter((s) => claimed.some((c) => c.kind === s.kind));
      if (returned.length > 0) await giveBack(returned);
      const [row] = await queryRows<{ seconds: number | null }>(
        db,
        sql`select extract(epoch from max(${waitingUntil(limits)}) - ${now}::timestamptz)::float8 as seconds
        from ${signInFailures} where ${among(waiting)}`,
      );
      return { waitSeconds: Math.max(1, Math.ceil(row?.seconds ?? 1)) };
    },
    async succeeded(email, address) {
      const [account, client] = subjectsOf(email, address) as [Subject, Subject];
      await db.execute(
        sql`with started_over as (delete from ${signInFailures} where ${among([account])})
        update ${signInFailures} set failures = greatest(failures - 1, 0) where ${among([client])}`,
      );
    },
    async giveBack(email, address) {
      await giveBack(subjectsOf(email, address));
    },
  };
}

/** Forgets failures quiet for longer than an hour, `batchSize` at most; answers how many. */
export async function forgetOldSignInFailures(
  db: Database,
  now: Date,
  batchSize: number,
): Promise<number> {
  const forgotten = await queryRows(
    db,
    sql`delete from ${signInFailures} where (kind, subject) in (
      select kind, subject from ${signInFailures}
      where ${signInFailures.lastFailureAt} <= ${now.toISOString()}::timestamptz - ${FORGET_AFTER}
      limit ${batchSize} for update skip locked
    ) returning 1`,
  );
  return forgotten.length;
}

/**
 * The throttle as a better-auth plugin: a before hook claims the attempt, an after hook gives the
 * claim back unless the password was wrong. The client address is the one the Fastify bridge put
 * in `addressHeader` (request.ip, under TRUST_PROXY).
 */
export function signInThrottle(throttle: SignInThrottle, addressHeader: string) {
  const attemptOf = (context: { body?: unknown; headers?: Headers | undefined }) => {
    const email = (context.body as { email?: unknown } | undefined)?.email;
    if (typeof email !== "string") return null;
    return { email, address: context.headers?.get(addressHeader) ?? "unknown" };
  };
  const isSignIn = (context: { path?: string }) => context.path === "/sign-in/email";

  return {
    id: "wattfolio-sign-in-throttle",
    hooks: {
      before: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (context) => {
            const attempt = attemptOf(context);
            if (!attempt) return;
            const refused = await throttle.claim(attempt.email, attempt.address);
            if (!refused) return;
            throw new APIError(
              "TOO_MANY_REQUESTS",
              {
                code: "SIGN_IN_THROTTLED",
                message: `Too many failed sign-ins for this account or from this address. Try again in ${refused.waitSeconds} seconds.`,
              },
              { "Retry-After": String(refused.waitSeconds) },
            );
          }),
        },
      ],
      after: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (context) => {
            const attempt = attemptOf(context);
            if (!attempt) return;
            const returned = context.context.returned;
            if (!isAPIError(returned)) {
              await throttle.succeeded(attempt.email, attempt.address);
            } else if (returned.statusCode !== 401) {
              await throttle.giveBack(attempt.email, attempt.address);
            }
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
