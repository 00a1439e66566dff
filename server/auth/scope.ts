/**
 * Tenant scope, in one place: the predicate that limits every query to what an actor may see.
 * Another partner's row is then simply not found (404), exactly like a missing one.
 */
import { and, eq, exists, type SQL, sql } from "drizzle-orm";
import type { ApiKeyScope } from "../../shared/domain/api-keys.ts";
import { accountAccess, accounts, apiKeys, applications } from "../db/schema.ts";
import type { Actor, Caller } from "./actor.ts";

const everything = sql`true`;

export function accountScope(actor: Caller): SQL {
  if (actor.kind === "integration") return keyScope(actor.scope);
  if (actor.kind === "customer_success") return everything;
  const ofPartner = eq(accounts.partnerId, actor.partnerId);
  if (actor.isSuperAdmin) return ofPartner;
  return and(
    ofPartner,
    exists(
      sql`(select 1 from ${accountAccess} where ${accountAccess.accountId} = ${accounts.id} and ${accountAccess.userId} = ${actor.userId})`,
    ),
  ) as SQL;
}

/** An API key reaches every account, a partner's accounts, or one account. */
function keyScope(scope: ApiKeyScope): SQL {
  switch (scope.kind) {
    case "platform":
      return everything;
    case "partner":
      return eq(accounts.partnerId, scope.partnerId);
    case "account":
      return and(eq(accounts.partnerId, scope.partnerId), eq(accounts.id, scope.accountId)) as SQL;
  }
}

/** Applications are the business of SuperAdmins (their partner's) and Customer Success (all). */
export function applicationScope(actor: Actor): SQL {
  if (actor.kind === "customer_success") return everything;
  return actor.isSuperAdmin ? eq(applications.partnerId, actor.partnerId) : sql`false`;
}

/** API keys are managed by SuperAdmins (their partner's keys) and Customer Success (every key). */
export function apiKeyManagementScope(actor: Actor): SQL {
  if (actor.kind === "customer_success") return everything;
  return actor.isSuperAdmin ? eq(apiKeys.partnerId, actor.partnerId) : sql`false`;
}
