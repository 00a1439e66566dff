/**
 * The use cases of applications: a SuperAdmin files one (or withdraws it); Customer Success — or an
 * auto-approval rule — approves or rejects it. A decision is a conditional update (only a pending
 * application can be decided) made in the transaction that applies the change with the accounts
 * locked, so it is final, exactly once, all-or-nothing, and checked against the accounts as they are.
 */
import { and, eq, sql } from "drizzle-orm";
import type { FileApplicationBody } from "../../shared/api/applications.ts";
import { termFrom } from "../../shared/domain/accounts.ts";
import {
  type ApplicationKind,
  type ChangeKind,
  changePayloads,
  type NewAccountRequest,
  newAccountRequest,
} from "../../shared/domain/applications.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import { type AccountState, type Change, planChange } from "../../shared/domain/changes.ts";
import type { FieldError } from "../../shared/errors.ts";
import type { PartnerUserActor } from "../auth/actor.ts";
import type { Database } from "../db/client.ts";
import { violatedUniqueConstraint } from "../db/errors.ts";
import {
  accountHistory,
  accounts,
  applications,
  autoApprovalRules,
  type EntitlementChange,
  type HistoryEvent,
  sectors,
} from "../db/schema.ts";
import { notFound, Problem } from "../http/problems.ts";
import type { Notices } from "../lifecycle/notices.ts";
import { catalogue, lockAccountStates, partnerTimeZone } from "./state.ts";

type Application = typeof applications.$inferSelect;
type ChangeFiling = Exclude<FileApplicationBody, { kind: "new_account" }>;

/** Who decides: a Customer Success reviewer, or (null) an auto-approval rule. */
type Decider = { userId: string } | null;

export async function fileApplication({
  db,
  actor,
  filing,
  now,
  notices,
}: {
  db: Database;
  actor: PartnerUserActor;
  filing: FileApplicationBody;
  now: Date;
  notices: Notices;
}): Promise<string> {
  try {
    return filing.kind === "new_account"
      ? await fileNewAccount(db, actor, filing.payload, filing.comment ?? "", now, notices)
      : await fileChange(db, actor, filing, now, notices);
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
      throw await alreadyPending(db, filing.accountId, filing.kind);
    }
    throw error;
  }
}

async function fileNewAccount(
  db: Database,
  actor: PartnerUserActor,
  request: NewAccountRequest,
  comment: string,
  now: Date,
  notices: Notices,
): Promise<string> {
  const payload = { ...request, emailDomain: request.emailDomain?.toLowerCase() ?? null };
  await assertKnownInCatalogue(db, payload);
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
    await decideAutomaticallyIfRuled(tx, filed, now);
    await notices.applicationFiled(tx, filed.id, now);
    return filed.id;
  });
}

async function fileChange(
  db: Database,
  actor: PartnerUserActor,
  filing: ChangeFiling,
  now: Date,
  notices: Notices,
): Promise<string> {
  const target = filing.kind === "move_datapoints" ? filing.payload.targetAccountId : undefined;
  const existing = await pendingApplication(db, filing.accountId, filing.kind);
  if (existing) throw await alreadyPending(db, filing.accountId, filing.kind);
  return db.transaction(async (tx) => {
    const states = await lockAccountStates(
      tx,
      actor.partnerId,
      target ? [filing.accountId, target] : [filing.accountId],
    );
    const account = states.get(filing.accountId);
    if (!account) throw notFound("account");
    const plan = planChange({
      kind: filing.kind,
      payload: filing.payload,
      account,
      target: target ? states.get(target) : undefined,
      today: dateIn(actor.timeZone, now),
      catalogue: (await catalogue(tx)).offered,
    } as Parameters<typeof planChange>[0]);
    if (!plan.ok) throw refusal(plan.errors, account, filing.kind);

    const filed = await insertApplication(tx, {
      partnerId: actor.partnerId,
      accountId: account.id,
      targetAccountId: target ?? null,
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
    await decideAutomaticallyIfRuled(tx, filed, now);
    await notices.applicationFiled(tx, filed.id, now);
    return filed.id;
  });
}

function refusal(errors: FieldError[], account: AccountState, kind: ChangeKind): Problem {
  if (errors.some((error) => error.field === "accountId")) {
    return new Problem(
      "ACCOUNT_EXPIRED",
      `${account.name} has expired: only a renewal can be filed for it.`,
      { errors },
    );
  }
  return new Problem(
    "VALIDATION_FAILED",
    `This ${kind.replaceAll("_", " ")} application does not fit the account.`,
    {
      errors,
    },
  );
}

async function insertApplication(
  tx: Database,
  values: typeof applications.$inferInsert,
): Promise<Application> {
  const [filed] = await tx.insert(applications).values(values).returning();
  if (!filed) throw new Error("insert returned no row");
  return filed;
}

async function pendingApplication(db: Database, accountId: string, kind: ApplicationKind) {
  const [pending] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.accountId, accountId),
        eq(applications.kind, kind),
        eq(applications.status, "pending"),
      ),
    );
  return pending;
}

async function alreadyPending(
  db: Database,
  accountId: string,
  kind: ApplicationKind,
): Promise<Problem> {
  const pending = await pendingApplication(db, accountId, kind);
  const link = pending ? `/api/v1/account-management/applications/${pending.id}` : undefined;
  return new Problem(
    "APPLICATION_ALREADY_PENDING",
    "This account already has a pending application of this kind: withdraw it or wait for its decision.",
    { extensions: pending ? { pendingApplicationId: pending.id, pendingApplication: link } : {} },
  );
}

function nameTaken(name: string): Problem {
  return new Problem(
    "ACCOUNT_NAME_TAKEN",
    `An account or a pending request is already named "${name}".`,
    {
      errors: [{ field: "payload.name", message: "This name is already used in your portfolio" }],
    },
  );
}

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

/**
 * Licence, Bill Management licence type and sector must be on offer in the catalogue; returns the
 * catalogue's names, which approval writes into the history.
 */
async function assertKnownInCatalogue(
  db: Database,
  request: NewAccountRequest,
): Promise<Awaited<ReturnType<typeof catalogue>>["names"]> {
  const { offered, names } = await catalogue(db);
  const [sector] = await db
    .select({ code: sectors.code })
    .from(sectors)
    .where(eq(sectors.code, request.sectorCode));
  const errors: FieldError[] = [];
  if (offered.licence(request.licenceId) === undefined) {
    errors.push({ field: "payload.licenceId", message: "Choose a licence from the catalogue" });
  }
  if (
    request.billManagementTypeId !== null &&
    offered.billManagementType(request.billManagementTypeId) === undefined
  ) {
    errors.push({
      field: "payload.billManagementTypeId",
      message: "Choose a Bill Management licence type from the catalogue",
    });
  }
  if (!sector)
    errors.push({ field: "payload.sectorCode", message: "Choose a sector from the list" });
  if (errors.length > 0)
    throw new Problem("VALIDATION_FAILED", "Some choices are not in the catalogue.", { errors });
  return names;
}

async function notPendingOrMissing(db: Database, id: string): Promise<Problem> {
  const [existing] = await db
    .select({ status: applications.status })
    .from(applications)
    .where(eq(applications.id, id));
  if (!existing) return notFound("application");
  return new Problem(
    "APPLICATION_NOT_PENDING",
    `This application was already ${existing.status}.`,
    {
      extensions: { applicationStatus: existing.status },
    },
  );
}

interface Decision {
  db: Database;
  actor: { userId: string };
  applicationId: string;
  comment: string;
  now: Date;
  notices: Notices;
}

export async function approveApplication({
  db,
  actor,
  applicationId,
  comment,
  now,
  notices,
}: Decision): Promise<void> {
  await db.transaction(async (tx) => {
    const claimed = await claim(tx, applicationId, "approved", actor, comment, now);
    if (!claimed) throw await notPendingOrMissing(tx, applicationId);
    await apply(tx, claimed, now);
    await notices.applicationDecided(tx, applicationId, now);
  });
}

export async function rejectApplication({
  db,
  actor,
  applicationId,
  comment,
  now,
  notices,
}: Decision): Promise<void> {
  await db.transaction(async (tx) => {
    const rejected = await claim(tx, applicationId, "rejected", actor, comment, now);
    if (!rejected) throw await notPendingOrMissing(tx, applicationId);
    await recordHistory(tx, rejected, "rejected", { actorId: actor.userId, at: now, comment });
    await notices.applicationDecided(tx, applicationId, now);
  });
}

/** Only the SuperAdmin who filed an application can withdraw it, and only while it is pending. */
export async function withdrawApplication({
  db,
  actor,
  applicationId,
  now,
}: {
  db: Database;
  actor: PartnerUserActor;
  applicationId: string;
  now: Date;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const [withdrawn] = await tx
      .update(applications)
      .set({ status: "withdrawn", decidedBy: actor.userId, decidedAt: now })
      .where(
        and(
          eq(applications.id, applicationId),
          eq(applications.partnerId, actor.partnerId),
          eq(applications.requestedBy, actor.userId),
          eq(applications.status, "pending"),
        ),
      )
      .returning();
    if (withdrawn) {
      await recordHistory(tx, withdrawn, "withdrawn", {
        actorId: actor.userId,
        at: now,
        comment: "",
      });
      return;
    }
    const [existing] = await tx
      .select({ requestedBy: applications.requestedBy })
      .from(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.partnerId, actor.partnerId)));
    if (!existing) throw notFound("application");
    if (existing.requestedBy !== actor.userId) {
      throw new Problem(
        "FORBIDDEN",
        "Only the SuperAdmin who filed an application can withdraw it.",
      );
    }
    throw await notPendingOrMissing(tx, applicationId);
  });
}

async function claim(
  tx: Database,
  applicationId: string,
  status: "approved" | "rejected",
  decider: Decider,
  comment: string,
  now: Date,
): Promise<Application | undefined> {
  const [claimed] = await tx
    .update(applications)
    .set({
      status,
      decidedBy: decider?.userId ?? null,
      decidedAutomatically: decider === null,
      decidedAt: now,
      decisionComment: comment,
    })
    .where(and(eq(applications.id, applicationId), eq(applications.status, "pending")))
    .returning();
  return claimed;
}

/** Customer Success may let some kinds through on filing; the application is recorded all the same. */
async function decideAutomaticallyIfRuled(
  tx: Database,
  filed: Application,
  now: Date,
): Promise<void> {
  const [rule] = await tx
    .select()
    .from(autoApprovalRules)
    .where(eq(autoApprovalRules.kind, filed.kind));
  if (!rule?.enabled) return;
  const claimed = await claim(
    tx,
    filed.id,
    "approved",
    null,
    "Approved automatically by an auto-approval rule.",
    now,
  );
  if (claimed) await apply(tx, claimed, now);
}

async function apply(tx: Database, application: Application, now: Date): Promise<void> {
  if (application.kind === "new_account") {
    await createAccountFrom(tx, application, now);
    return;
  }
  const ids = [application.accountId, application.targetAccountId].filter(
    (id): id is string => id !== null,
  );
  const states = await lockAccountStates(tx, application.partnerId, ids);
  const account = states.get(String(application.accountId));
  if (!account) throw notFound("account");
  const payload = changePayloads[application.kind].safeParse(application.payload);
  const plan = payload.success
    ? planChange({
        kind: application.kind,
        payload: payload.data,
        account,
        target: application.targetAccountId ? states.get(application.targetAccountId) : undefined,
        today: dateIn(await partnerTimeZone(tx, application.partnerId), now),
        catalogue: (await catalogue(tx)).offered,
      } as Parameters<typeof planChange>[0])
    : {
        ok: false as const,
        errors: payload.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
      };
  if (!plan.ok) {
    throw new Problem(
      "APPLICATION_NO_LONGER_VALID",
      "The accounts have changed since it was filed: it no longer fits.",
      {
        errors: plan.errors,
      },
    );
  }
  for (const update of plan.updates) {
    await tx
      .update(accounts)
      .set(update.set)
      .where(and(eq(accounts.partnerId, application.partnerId), eq(accounts.id, update.accountId)));
  }
  for (const accountId of ids) {
    await recordHistory(tx, application, "approved", {
      accountId,
      actorId: application.decidedBy,
      at: now,
      comment: application.decisionComment ?? "",
      changes: plan.changes.filter((change) => change.accountId === accountId).map(withoutAccount),
    });
  }
}

function withoutAccount({ field, before, after }: Change): EntitlementChange {
  return { field, before, after };
}

/** A new account starts on the day of approval, in the partner's time zone, for the period asked. */
async function createAccountFrom(tx: Database, application: Application, now: Date): Promise<void> {
  const parsed = newAccountRequest.safeParse(application.payload);
  if (!parsed.success) {
    throw new Problem(
      "APPLICATION_NO_LONGER_VALID",
      "The request no longer meets the rules for a new account.",
      {
        errors: parsed.error.issues.map((issue) => ({
          field: issue.path.join("."),
          message: issue.message,
        })),
      },
    );
  }
  const request = parsed.data;
  const names = await assertKnownInCatalogue(tx, request).catch((error: unknown) => {
    if (!(error instanceof Problem)) throw error;
    throw new Problem(
      "APPLICATION_NO_LONGER_VALID",
      "A choice of this request left the catalogue.",
      {
        errors: error.errors,
      },
    );
  });
  const term = termFrom(
    dateIn(await partnerTimeZone(tx, application.partnerId), now),
    request.periodMonths,
  );
  let created: typeof accounts.$inferSelect | undefined;
  try {
    [created] = await tx
      .insert(accounts)
      .values({
        partnerId: application.partnerId,
        name: request.name,
        customerName: request.customerName,
        country: request.country,
        sectorCode: request.sectorCode,
        licenceId: request.licenceId,
        billManagementTypeId: request.billManagementTypeId,
        emailDomain: request.emailDomain,
        comment: request.comment,
        startsOn: term.startsOn,
        endsOn: term.endsOn,
        datapointsContracted: request.datapoints,
        rtmMeters: request.rtmMeters,
        additionalPods: request.additionalPods,
        smsCredits: request.smsCredits,
        rtcLines: request.rtcLines,
      })
      .returning();
  } catch (error) {
    if (violatedUniqueConstraint(error) === "accounts_partner_name_key") {
      throw new Problem(
        "APPLICATION_NO_LONGER_VALID",
        `An account named "${request.name}" now exists in this portfolio.`,
      );
    }
    throw error;
  }
  if (!created) throw new Error("insert returned no row");
  await tx
    .update(applications)
    .set({ accountId: created.id })
    .where(eq(applications.id, application.id));
  await recordHistory(tx, { ...application, accountId: created.id }, "created", {
    actorId: application.decidedBy,
    at: now,
    comment: application.decisionComment ?? "",
    changes: [
      { field: "startsOn", before: null, after: created.startsOn },
      { field: "endsOn", before: null, after: created.endsOn },
      { field: "datapointsContracted", before: null, after: created.datapointsContracted },
      {
        field: "licenceId",
        before: null,
        after: names.licence(created.licenceId) ?? created.licenceId,
      },
      {
        field: "billManagementTypeId",
        before: null,
        after: created.billManagementTypeId
          ? (names.billManagementType(created.billManagementTypeId) ?? null)
          : null,
      },
      { field: "rtmMeters", before: null, after: created.rtmMeters },
      { field: "additionalPods", before: null, after: created.additionalPods },
      { field: "smsCredits", before: null, after: created.smsCredits },
      { field: "rtcLines", before: null, after: created.rtcLines },
    ],
  });
}

/** One history row per account the application concerns (both accounts of a move). */
async function recordHistory(
  tx: Database,
  application: Application,
  event: HistoryEvent,
  entry: {
    accountId?: string;
    actorId: string | null;
    at: Date;
    comment: string;
    changes?: EntitlementChange[];
  },
): Promise<void> {
  const accountIds = entry.accountId
    ? [entry.accountId]
    : [application.accountId, application.targetAccountId].filter(
        (id): id is string => id !== null,
      );
  if (accountIds.length === 0) return;
  await tx.insert(accountHistory).values(
    accountIds.map((accountId) => ({
      partnerId: application.partnerId,
      accountId,
      applicationId: application.id,
      event,
      actorId: entry.actorId,
      occurredAt: entry.at,
      comment: entry.comment,
      changes: entry.changes ?? [],
    })),
  );
}
