/**
 * The test clock (as Stripe's test clocks): with TEST_CLOCK=1 the application's time is real time
 * plus an offset kept in the database, so every instance agrees on it. `Clock.now()` stays
 * synchronous: the offset is loaded when the app starts and refreshed before every API request and
 * every sweep tick, and the instance that moves the clock knows the new offset at once. The offset
 * only grows: time never goes back.
 */
import { sql } from "drizzle-orm";
import type { Clock } from "../../shared/domain/clock.ts";
import type { CustomerSuccessActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { testClock } from "../db/schema/index.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

export interface TestClock extends Clock {
  /** The time without the offset. */
  realNow(): Date;
  offsetMs(): number;
  refresh(): Promise<void>;
  /**
   * Moves the clock forward by `ms` (more than zero) for every instance, and says so in the
   * security log in the same transaction; the new offset.
   */
  advance(ms: number, by: { actor: CustomerSuccessActor; address: string }): Promise<number>;
}

export async function openTestClock(db: Database, real: Clock): Promise<TestClock> {
  let offset = 0;
  const refresh = async () => {
    const [row] = await db.select({ offsetMs: testClock.offsetMs }).from(testClock);
    offset = row?.offsetMs ?? 0;
  };
  await refresh();
  return {
    now: () => new Date(real.now().getTime() + offset),
    realNow: () => real.now(),
    offsetMs: () => offset,
    refresh,
    advance: async (ms, by) => {
      if (!(ms > 0)) throw new RangeError("The test clock only moves forward");
      const realMs = real.now().getTime();
      const moved = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(testClock)
          .values({ id: true, offsetMs: ms })
          .onConflictDoUpdate({
            target: testClock.id,
            set: { offsetMs: sql`${testClock.offsetMs} + ${ms}`, updatedAt: sql`now()` },
          })
          .returning({ offsetMs: testClock.offsetMs });
        if (!row) throw new Error("upsert returned no row");
        const before = new Date(realMs + row.offsetMs - ms);
        await recordSecurityEvent(tx, {
          kind: "test_clock_moved",
          at: before,
          actor: by.actor,
          partnerId: null,
          address: by.address,
          detail: {
            before: { now: before.toISOString() },
            after: { now: new Date(realMs + row.offsetMs).toISOString() },
          },
        });
        return row.offsetMs;
      });
      offset = moved;
      return offset;
    },
  };
}
