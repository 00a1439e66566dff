/**
 * Tenant scope, in one place: the predicate that limits every query — reads and writes alike — to
 * what an actor may reach. Another partner's row is then simply not found (404), exactly like a
 * missing one.
 */
import { and, eq, exists, type SQL, sql } from "drizzle-orm";
import type { ApiKeyScope } from "../../shared/domain/api-keys.ts";
import {
  accountAccess,
  accounts,
  apiKeys,
  applications,
  events,
  invitations,
  users,
  webhookEndpoints,
} from "../db/schema/index.ts";
import type { Actor, Caller } from "./actor.ts";

const everything = sql`true`;

/** A partner's accounts, for work done on its behalf (applying an approval, its notices). */
export function partnerAccounts(partnerId: string): SQL {
  return eq(accounts.partnerId, partnerId);
}

export function accountScope(actor: Caller): SQL {
  if (actor.kind === "integration") return keyScope(actor.scope);
  if (actor.kind === "customer_success") return everything;
  const ofPartner = partnerAccounts(actor.partnerId);
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
      return partnerAccounts(scope.partnerId);
    case "account":
      return and(partnerAccounts(scope.partnerId), eq(accounts.id, scope.accountId)) as SQL;
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

/** Invitations are managed by SuperAdmins (their partner's) and Customer Success (every one). */
export function invitationScope(actor: Actor): SQL {
  if (actor.kind === "customer_success") return everything;
  return actor.isSuperAdmin ? eq(invitations.partnerId, actor.partnerId) : sql`false`;
}

/** A partner's users are managed by its SuperAdmins, and by Customer Success (every partner's). */
export function partnerUserScope(actor: Actor): SQL {
  if (actor.kind === "customer_success") return sql`${users.partnerId} is not null`;
  return actor.isSuperAdmin ? eq(users.partnerId, actor.partnerId) : sql`false`;
}

/** Webhook endpoints: a SuperAdmin's are the partner's; Customer Success sees every one. */
export function webhookEndpointScope(actor: Actor): SQL {
  if (actor.kind === "customer_success") return everything;
  return actor.isSuperAdmin ? eq(webhookEndpoints.partnerId, actor.partnerId) : sql`false`;
}

/**
 * The event log: a SuperAdmin reads the partner's events, Customer Success and platform-wide keys
 * every event, a partner's key its partner's and an account's key that account's.
 */
export function eventScope(caller: Caller): SQL {
  if (caller.kind === "customer_success") return everything;
  if (caller.kind === "partner_user") {
    return caller.isSuperAdmin ? eq(events.partnerId, caller.partnerId) : sql`false`;
  }
  const scope = caller.scope;
  switch (scope.kind) {
    case "platform":
      return everything;
    case "partner":
      return eq(events.partnerId, scope.partnerId);
    case "account":
      return and(
        eq(events.partnerId, scope.partnerId),
        eq(events.accountId, scope.accountId),
      ) as SQL;
  }
}
