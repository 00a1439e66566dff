/** Reading API keys: the API keys page of a SuperAdmin (its partner's) or Customer Success (all). */
import { and, asc, count, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ApiKey, ApiKeyListQuery } from "../../shared/api/api-keys.ts";
import type { Page } from "../../shared/api/common.ts";
import { scopeOf } from "../../shared/domain/api-keys.ts";
import type { Actor } from "../access/actor.ts";
import { apiKeyManagementScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { accounts, apiKeys, partners, users } from "../db/schema/index.ts";
import { writtenLimit } from "../db/written.ts";

const creator = alias(users, "creator");
const revoker = alias(users, "revoker");

function withNames(db: Database) {
  return db
    .select({
      key: {
        id: apiKeys.id,
        name: apiKeys.name,
        partnerId: apiKeys.partnerId,
        accountId: apiKeys.accountId,
        prefix: apiKeys.prefix,
        createdBy: apiKeys.createdBy,
        createdAt: apiKeys.createdAt,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
        revokedBy: apiKeys.revokedBy,
      },
      partnerName: partners.name,
      accountName: accounts.name,
      creatorName: creator.name,
      revokerName: revoker.name,
    })
    .from(apiKeys)
    .leftJoin(partners, eq(partners.id, apiKeys.partnerId))
    .leftJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .innerJoin(creator, eq(creator.id, apiKeys.createdBy))
    .leftJoin(revoker, eq(revoker.id, apiKeys.revokedBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof withNames>["execute"]>>[number];

function toApiKey(row: Row): ApiKey {
  const k = row.key;
  return {
    id: k.id,
    name: k.name,
    scope: scopeOf(k).kind,
    partner: k.partnerId ? { id: k.partnerId, name: row.partnerName ?? "" } : null,
    account: k.accountId ? { id: k.accountId, name: row.accountName ?? "" } : null,
    shownPart: k.prefix,
    createdBy: { id: k.createdBy, name: row.creatorName },
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    revokedBy: k.revokedBy ? { id: k.revokedBy, name: row.revokerName ?? "" } : null,
  };
}

/** Keys in use first, newest first; then the revoked ones, last revoked first. */
export async function listApiKeys(
  db: Database,
  actor: Actor,
  query: ApiKeyListQuery,
): Promise<Page<ApiKey>> {
  const filters: (SQL | undefined)[] = [apiKeyManagementScope(actor)];
  if (query.status === "active") filters.push(isNull(apiKeys.revokedAt));
  if (query.status === "revoked") filters.push(isNotNull(apiKeys.revokedAt));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    withNames(db)
      .where(where)
      .orderBy(
        sql`${apiKeys.revokedAt} is not null`,
        desc(sql`coalesce(${apiKeys.revokedAt}, ${apiKeys.createdAt})`),
        asc(apiKeys.id),
      )
      .limit(writtenLimit(query.pageSize))
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(apiKeys).where(where),
  ]);
  return {
    items: rows.map(toApiKey),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.value ?? 0,
  };
}

export async function findApiKey(db: Database, actor: Actor, id: string): Promise<ApiKey | null> {
  const [row] = await withNames(db).where(and(eq(apiKeys.id, id), apiKeyManagementScope(actor)));
  return row ? toApiKey(row) : null;
}
