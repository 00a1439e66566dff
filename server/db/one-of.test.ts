/** A page's ids sent as one array: every value matches itself, whatever characters it holds. */
import { sql } from "drizzle-orm";
import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/harness.ts";
import type { Database } from "./client.ts";
import { isOneOf } from "./one-of.ts";

const samples = pgTable("one_of_samples", { id: uuid().notNull(), label: text().notNull() });

const LABELS = ["plain", "a,b", 'say "hi"', "back\\slash", "<message@example.com>", "{braces}", ""];
const IDS = ["5b7e7c44-2b6e-4c53-9d2f-1a5f3b0c9e11", "9d2a6c1e-0f4b-4e8a-b7c3-2e1d5f6a7b80"];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Runs `check` beside a temporary table of samples: one transaction, so one connection. */
function withSamples(
  check: (labelsOf: (where: ReturnType<typeof isOneOf>) => Promise<string[]>) => Promise<void>,
) {
  return t.db.transaction(async (tx: Database) => {
    await tx.execute(
      sql`create temporary table one_of_samples (id uuid not null, label text not null) on commit drop`,
    );
    await tx.insert(samples).values(LABELS.map((label, i) => ({ id: IDS[i % 2] ?? "", label })));
    await check(async (where) =>
      (await tx.select({ label: samples.label }).from(samples).where(where))
        .map((row) => row.label)
        .sort(),
    );
  });
}

describe("a column matched against a list of values", () => {
  it("finds each text value as written: commas, quotes, backslashes, braces and empty", () =>
    withSamples(async (labelsOf) => {
      for (const label of LABELS) {
        expect(await labelsOf(isOneOf(samples.label, [label]))).toEqual([label]);
      }
      expect(await labelsOf(isOneOf(samples.label, LABELS))).toEqual([...LABELS].sort());
      expect(await labelsOf(isOneOf(samples.label, ["a", "b"]))).toEqual([]);
    }));

  it("compares in the column's own type", () =>
    withSamples(async (labelsOf) => {
      const [first] = IDS;
      expect(await labelsOf(isOneOf(samples.id, [first ?? ""]))).toHaveLength(4);
      expect(await labelsOf(isOneOf(samples.id, [first?.toUpperCase() ?? ""]))).toHaveLength(4);
    }));
});
