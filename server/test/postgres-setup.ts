/**
 * Gives each run of the PostgreSQL suite a database of its own, created from TEST_DATABASE_URL and
 * dropped at the end, so concurrent runs never disturb each other. Tests then isolate by partner.
 * Tests that need a database to themselves get a copy of a migrated template: copying it takes a
 * fraction of running every migration again, and the run's own database still runs them all.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    /** A migrated database that no one connects to, for `create database … template` to copy. */
    postgresTemplate: string;
  }
}

export async function administer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The address of the database `name` on the server of `base`. */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `wattfolio_test_${randomBytes(6).toString("hex")}`;
  await administer(base, `create database ${name}`);
  const template = `${name}_template`;
  await administer(base, `create database ${template}`);
  for (const migrated of [name, template]) {
    const database = await openDatabase({
      kind: "postgres",
      url: databaseUrl(base, migrated),
      poolSize: 2,
    });
    await database.close();
  }
  project.provide("postgresUrl", databaseUrl(base, name));
  project.provide("postgresTemplate", template);
  return async () => {
    await administer(base, `drop database if exists ${name} with (force)`);
    await administer(base, `drop database if exists ${template} with (force)`);
  };
}
