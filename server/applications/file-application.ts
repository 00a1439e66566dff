/**
 * A SuperAdmin files an application: a new account, or a change of an account of the portfolio,
 * checked against the account as it is now (locked while the application is written). An
 * auto-approval rule may decide it at once; Customer Success is told either way.
 */
import { and, eq, sql } from "drizzle-orm";
import type { FileApplicationBody } from "../../shared/api/applications.ts";
import type { NewAccountRequest } from "../../shared/domain/application-requests.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import { planChange } from "../../shared/domain/changes.ts";
import type { PartnerUserActor } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import { recordHistory } from "../accounts/history.ts";
import { lockAccountStates } from "../accounts/state.ts";
import type { CatalogueReader } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import { violatedUniqueConstraint } from "../db/errors.ts";
import { accounts, applications } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";
import { recordApplicationEvent } from "../events/application-events.ts";
import type { Notices } from "../notices/notices.ts";
import { decideAutomaticallyIfRuled } from "./decide-application.ts";
import { choicesNotOnOffer } from "./new-account.ts";
import { alreadyPending, changeRefused, nameTaken, pendingApplication } from "./refusals.ts";

type Application = typeof applications.$inferSelect;
type ChangeFiling = Exclude<FileApplicationBody, { kind: "new_account" }>;

interface Filing {
  db: Database;
  actor: PartnerUserActor;
  now: Date;
  notices: Notices;
  catalogue: CatalogueReader;
}

export async function fileApplication({
  filing,
  ...context
}: Filing & { filing: FileApplicationBody }): Promise<string> {
  try {
    return filing.kind === "new_account"
      ? await fileNewAccount(context, filing.payload, filing.comment ?? "")
      : await fileChange(context, filing);
  } catch (error) {
    const constraint = violatedUniqueConstraint(error);
    if (
      constraint === "applications_one_pending_new_account_name" &&
      filing.kind === "new_account"
    ) {
      throw nameTaken(filing.payload.name);
    }
    if (
      constraint === "applications_one_pending_per_account_kind" &&
      filing.kind !== "new_account"
    ) {
      throw await alreadyPending(context.db, filing.accountId, filing.kind);
    }
    throw error;
  }
}

async function fileNewAccount(
  { db, actor, now, notices, catalogue }: Filing,
  request: NewAccountRequest,
  comment: string,
): Promise<string> {
  const payload = { ...request, emailDomain: request.emailDomain?.toLowerCase() ?? null };
  const notOnOffer = choicesNotOnOffer(await catalogue(db), payload);
  if (notOnOffer.length > 0) {
    throw new Problem("VALIDATION_FAILED", "Some choices are not in the catalogue.", {
      errors: notOnOffer,
    });
  }
  await assertNameFree(db, actor.partnerId, payload.name);
  return db.transaction(async (tx) => {
    const filed = await insertApplication(tx, {
      partnerId: actor.partnerId,
      kind: "new_account",
      payload,
      comment,
      requestedBy: actor.userId,
      requestedAt: now,
    });
    await recordApplicationEvent(tx, "application.filed", {
      applicationId: filed.id,
      catalogue,
      now,
    });
    await decideAutomaticallyIfRuled(tx, filed, catalogue, now);
    await notices.applicationFiled(tx, filed.id, now, catalogue);
    return filed.id;
  });
}

async function fileChange(
  { db, actor, now, notices, catalogue }: Filing,
  filing: ChangeFiling,
): Promise<string> {
  const target = filing.kind === "move_datapoints" ? filing.payload.targetAccountId : null;
  if (await pendingApplication(db, filing.accountId, filing.kind)) {
    throw await alreadyPending(db, filing.accountId, filing.kind);
  }
  return db.transaction(async (tx) => {
    const states = await lockAccountStates(tx, accountScope(actor), [filing.accountId, target]);
    const account = states.get(filing.accountId);
    if (!account) throw notFound("account");
    const plan = planChange({
      ...filing,
      account,
      target: target ? states.get(target) : undefined,
      today: dateIn(actor.timeZone, now),
      catalogue: await catalogue(tx),
    });
    if (!plan.ok) throw changeRefused(plan.errors, account, filing.kind);

    const filed = await insertApplication(tx, {
      partnerId: actor.partnerId,
      accountId: account.id,
      targetAccountId: target,
      kind: filing.kind,
      payload: filing.payload,
      comment: filing.comment ?? "",
      requestedBy: actor.userId,
      requestedAt: now,
    });
    await recordHistory(tx, filed, "filed", {
      actorId: actor.userId,
      at: now,
      comment: filed.comment,
    });
    await recordApplicationEvent(tx, "application.filed", {
      applicationId: filed.id,
      catalogue,
      now,
    });
    await decideAutomaticallyIfRuled(tx, filed, catalogue, now);
    await notices.applicationFiled(tx, filed.id, now, catalogue);
    return filed.id;
  });
}

async function insertApplication(
  tx: Database,
  values: typeof applications.$inferInsert,
): Promise<Application> {
  const [filed] = await tx.insert(applications).values(values).returning();
  if (!filed) throw new Error("insert returned no row");
  return filed;
}

/** A friendly check first; the unique indexes settle a race between two filings. */
async function assertNameFree(db: Database, partnerId: string, name: string): Promise<void> {
  const lowered = name.toLowerCase();
  const account = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.partnerId, partnerId), sql`lower(${accounts.name}) = ${lowered}`))
    .limit(1);
  const pending = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.partnerId, partnerId),
        eq(applications.kind, "new_account"),
        eq(applications.status, "pending"),
        sql`lower(${applications.payload}->>'name') = ${lowered}`,
      ),
    )
    .limit(1);
  if (account.length > 0 || pending.length > 0) throw nameTaken(name);
}
