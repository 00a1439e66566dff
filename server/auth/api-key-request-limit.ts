/**
 * How many requests one API key may make per minute, all instances together. The count lives in
 * one row per key; an instance does not write it on every request but takes a share of the
 * minute's budget at a time (a fiftieth of the limit, 1 to 100 requests) with one statement, and
 * spends that share in memory. So the usage API's hot path asks the database about the limit once
 * every share, not once a request, and no instance can let more requests through than the row
 * granted it: the limit holds across instances exactly; at worst an instance's unspent share is
 * lost when the minute ends. Once a minute's budget is gone, the instance refuses the key without
 * asking again until the next minute. A server whose clock lags takes its share from the newer
 * minute another server already started.
 *
 * A count need not outlive a crash, so its commit does not wait for the disk (`synchronous_commit`
 * off for that one transaction): busy keys do not queue on their row behind WAL flushes.
 */
import { sql } from "drizzle-orm";
import type { Clock } from "../../shared/domain/clock.ts";
import { type Database, queryRows } from "../db/client.ts";
import { apiKeyRequestCounts } from "../db/schema/index.ts";

const WINDOW_MS = 60_000;

/** What the `RateLimit-*` headers tell the client, and whether this request is within the limit. */
export interface RequestAllowance {
  allowed: boolean;
  limit: number;
  /** Requests left this minute, as far as this instance knows (others' unspent shares count as spent). */
  remaining: number;
  /** Seconds until the window ends and the count starts over. */
  resetSeconds: number;
}

export interface ApiKeyRequestLimit {
  take(apiKeyId: string): Promise<RequestAllowance>;
}

/** This instance's share of one key's minute. */
interface Share {
  windowStart: number;
  /** Requests granted to this instance and not spent yet. */
  left: number;
  /** The key's count in the database after this instance's last take: what all instances took. */
  taken: number;
  /** The database granted less than asked: nothing more is left this minute. */
  exhausted: boolean;
  taking?: Promise<void> | undefined;
}

export function createApiKeyRequestLimit(
  db: Database,
  clock: Clock,
  perMinute: number,
): ApiKeyRequestLimit {
  const shareSize = Math.max(1, Math.min(100, Math.floor(perMinute / 50)));
  const shares = new Map<string, Share>();

  /** Adds a share to the key's count and keeps what of it is within the limit. */
  async function takeShare(apiKeyId: string, share: Share): Promise<void> {
    const windowStart = new Date(share.windowStart).toISOString();
    const [counted] = await queryRows<{ requests: number }>(
      db,
      sql`insert into ${apiKeyRequestCounts} as c (api_key_id, window_start, requests)
      select ${apiKeyId}::uuid, ${windowStart}::timestamptz, ${shareSize}::int
      from (select set_config('synchronous_commit', 'off', true)) as without_waiting_for_disk
      on conflict (api_key_id) do update set
        requests = case when c.window_start >= excluded.window_start
          then c.requests + excluded.requests else excluded.requests end,
        window_start = greatest(c.window_start, excluded.window_start)
      returning requests`,
    );
    const requests = counted?.requests ?? shareSize;
    const granted = Math.min(shareSize, Math.max(0, perMinute - (requests - shareSize)));
    share.left += granted;
    share.taken = requests;
    share.exhausted = granted < shareSize;
  }

  return {
    async take(apiKeyId) {
      const now = clock.now().getTime();
      const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
      const resetSeconds = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
      for (;;) {
        let share = shares.get(apiKeyId);
        if (!share || share.windowStart < windowStart) {
          share = { windowStart, left: 0, taken: 0, exhausted: false };
          shares.set(apiKeyId, share);
        }
        const allowed = share.left > 0;
        if (allowed || share.exhausted) {
          if (allowed) share.left -= 1;
          return {
            allowed,
            limit: perMinute,
            remaining: Math.max(0, perMinute - share.taken) + share.left,
            resetSeconds,
          };
        }
        // Requests arriving while a share is being taken wait for it rather than take their own.
        const taking = share.taking ?? takeShare(apiKeyId, share);
        share.taking = taking;
        await taking.finally(() => {
          if (share.taking === taking) share.taking = undefined;
        });
      }
    },
  };
}
