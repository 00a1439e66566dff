/**
 * What an account is sold with: licences, Bill Management licence types, and customer sectors. An
 * entry is retired (`active` false), never removed: it stays on the accounts that have it.
 */
import { boolean, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";

export const licences = pgTable("licences", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(""),
  active: boolean().notNull().default(true),
  position: integer().notNull().default(0),
});

export const billManagementTypes = pgTable("bill_management_types", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  active: boolean().notNull().default(true),
  position: integer().notNull().default(0),
});

export const sectors = pgTable("sectors", {
  code: text().primaryKey(),
  name: text().notNull(),
  active: boolean().notNull().default(true),
});
