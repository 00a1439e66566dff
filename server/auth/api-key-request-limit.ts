/**
 * How many requests one API key may make per minute, all instances together. One statement per
 * request moves the key's row to the current minute or adds one to it, and answers the count: the
 * only statement the limit adds to the usage API's hot path (prepared on PostgreSQL). Refused
 * requests count too, so a client that keeps hammering stays refused until the minute ends. A
 * server whose clock lags counts into the newer minute another server already started.
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
  remaining: number;
  /** Seconds until the window ends and the count starts over. */
  resetSeconds: number;
}

export interface ApiKeyRequestLimit {
  take(apiKeyId: string): Promise<RequestAllowance>;
}

export function createApiKeyRequestLimit(
  db: Database,
  clock: Clock,
  perMinute: number,
): ApiKeyRequestLimit {
  return {
    async take(apiKeyId) {
      const now = clock.now().getTime();
      const windowStart = new Date(Math.floor(now / WINDOW_MS) * WINDOW_MS).toISOString();
      const [counted] = await queryRows<{ requests: number; window_ms: number }>(
        db,
        sql`insert into ${apiKeyRequestCounts} as c (api_key_id, window_start, requests)
        values (${apiKeyId}::uuid, ${windowStart}::timestamptz, 1)
        on conflict (api_key_id) do update set
          requests = case when c.window_start >= excluded.window_start then c.requests + 1 else 1 end,
          window_start = greatest(c.window_start, excluded.window_start)
        returning requests, (extract(epoch from window_start) * 1000)::float8 as window_ms`,
        { prepared: true },
      );
      const requests = counted?.requests ?? 1;
      const windowEnds = (counted?.window_ms ?? Date.parse(windowStart)) + WINDOW_MS;
      return {
        allowed: requests <= perMinute,
        limit: perMinute,
        remaining: Math.max(0, perMinute - requests),
        resetSeconds: Math.max(1, Math.ceil((windowEnds - now) / 1000)),
      };
    },
  };
}
