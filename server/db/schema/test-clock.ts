import { sql } from "drizzle-orm";
import { bigint, boolean, check, pgTable } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns.ts";

/** With TEST_CLOCK=1, how far the application's clock is ahead of real time; one row, shared by every instance. */
export const testClock = pgTable(
  "test_clock",
  {
    id: boolean().primaryKey().default(true),
    offsetMs: bigint("offset_ms", { mode: "number" }).notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("test_clock_single_row", sql`${t.id}`),
    check("test_clock_only_forward", sql`${t.offsetMs} >= 0`),
  ],
);
