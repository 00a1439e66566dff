/**
 * Gives each run of the PostgreSQL suite a database of its own, created from TEST_DATABASE_URL and
 * dropped at the end, so concurrent runs never disturb each other. Tests then isolate by partner.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `wattfolio_test_${randomBytes(6).toString("hex")}`;
  await administer(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 2 });
  await database.close();
  project.provide("postgresUrl", url.toString());
  return () => administer(base, `drop database if exists ${name} with (force)`);
}
