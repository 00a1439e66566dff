/** Gives the PostgreSQL suite a clean, migrated database once per run; tests then isolate by partner. */
import pg from "pg";
import { openDatabase } from "../db/client.ts";

export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    "drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;",
  );
  await client.end();
  const database = await openDatabase({ kind: "postgres", url, poolSize: 2 });
  await database.close();
}
