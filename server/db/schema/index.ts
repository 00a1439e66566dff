/**
 * The database schema, one file per capability. Every row that belongs to a partner carries
 * `partner_id`, and the keys between such rows include it, so the database itself refuses a row
 * pointing into another partner's data. Quantities are plain integers (datapoints, meters,
 * credits); dates of a term are calendar dates.
 */
export * from "./account-history.ts";
export * from "./accounts.ts";
export * from "./api-keys.ts";
export * from "./applications.ts";
export * from "./catalogue.ts";
export * from "./events.ts";
export * from "./mail.ts";
export * from "./partners-and-people.ts";
export * from "./people-admin.ts";
export * from "./reminders.ts";
export * from "./request-limits.ts";
export * from "./sign-in-throttle.ts";
export * from "./test-clock.ts";
export * from "./usage.ts";
