/**
 * On a PostgreSQL server each connection prepares the application's statements once and keeps
 * their plans; a search for text is planned for the text it is given, every time.
 */
import { eq, ilike, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { onPostgres } from "../test/harness.ts";
import { type DatabaseHandle, openDatabase, queryRows } from "./client.ts";
import { partners } from "./schema/index.ts";

describe.runIf(onPostgres)("the statements of a connection", () => {
  let database: DatabaseHandle;
  // One connection: what it prepared is what the next statement sees.
  beforeAll(async () => {
    database = await openDatabase({ kind: "postgres", url: inject("postgresUrl"), poolSize: 1 });
  });
  afterAll(async () => {
    await database.close();
  });

  const prepared = () =>
    queryRows<{ statement: string }>(
      database.db,
      sql`select statement from pg_prepared_statements where not from_sql`,
    ).then((rows) => rows.map((row) => row.statement));

  it("prepares a page's statement once, and runs it again without preparing it anew", async () => {
    const read = () =>
      database.db.select({ id: partners.id }).from(partners).where(eq(partners.name, "nobody"));
    await read();
    await read();
    const statements = (await prepared()).filter((text) => text.includes(`"name" = $1`));
    expect(statements).toHaveLength(1);
  });

  it("plans a search for text anew for each text", async () => {
    await database.db
      .select({ id: partners.id })
      .from(partners)
      .where(ilike(partners.name, "%harbour%"));
    expect((await prepared()).some((text) => text.includes("ilike"))).toBe(false);
  });

  it("sends settings as they are", async () => {
    await database.db.execute(sql`set statement_timeout = '5s'`);
    expect((await prepared()).some((text) => text.includes("statement_timeout"))).toBe(false);
  });
});
