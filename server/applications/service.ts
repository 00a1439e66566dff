/**
 * The use cases of applications: a SuperAdmin files one; Customer Success approves or rejects it.
 * A decision is a conditional update (only a pending application can be decided) made in the same
 * transaction that applies the change, so it is final, exactly once, and all-or-nothing.
 */
import { and, eq, sql } from "drizzle-orm";
import type { FileApplicationBody } from "../../shared/api/applications.ts";
import { termFrom } from "../../shared/domain/accounts.ts";
import { type NewAccountRequest, newAccountRequest } from "../../shared/domain/applications.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import type { FieldError } from "../../shared/errors.ts";
import type { CustomerSuccessActor, PartnerUserActor } from "../auth/actor.ts";
import type { Database } from "../db/client.ts";
import { violatedUniqueConstraint } from "../db/errors.ts";
import {
  accounts,
  applications,
  billManagementTypes,
  licences,
  partners,
  sectors,
} from "../db/schema.ts";
import { notFound, Problem } from "../http/problems.ts";

type Filing = Extract<FileApplicationBody, { kind: "new_account" }> & {
  payload: NewAccountRequest;
};

export async function fileApplication({
  db,
  actor,
  filing,
  now,
}: {
  db: Database;
  actor: PartnerUserActor;
  filing: Filing;
  now: Date;
}): Promise<string> {
  const payload = {
    ...filing.payload,
    emailDomain: filing.payload.emailDomain?.toLowerCase() ?? null,
  };
  await assertKnownInCatalogue(db, payload);
  await assertNameFree(db, actor.partnerId, payload.name);
  try {
    const [filed] = await db
      .insert(applications)
      .values({
        partnerId: actor.partnerId,
        kind: filing.kind,
        payload,
        comment: filing.comment ?? "",
        requestedBy: actor.userId,
        requestedAt: now,
      })
      .returning({ id: applications.id });
    if (!filed) throw new Error("insert returned no row");
    return filed.id;
  } catch (error) {
    if (violatedUniqueConstraint(error) === "applications_one_pending_new_account_name")
      throw nameTaken(payload.name);
    throw error;
  }
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
  const [account, pending] = await Promise.all([
    db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.partnerId, partnerId), sql`lower(${accounts.name}) = ${lowered}`))
      .limit(1),
    db
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
      .limit(1),
  ]);
  if (account.length > 0 || pending.length > 0) throw nameTaken(name);
}

/** Licence, Bill Management licence type and sector must be on offer in the catalogue. */
async function assertKnownInCatalogue(db: Database, request: NewAccountRequest): Promise<void> {
  // One after the other: inside a transaction all queries share one connection.
  const licence = await db
    .select({ id: licences.id })
    .from(licences)
    .where(and(eq(licences.id, request.licenceId), eq(licences.active, true)));
  const bmType =
    request.billManagementTypeId === null
      ? [{ id: null }]
      : await db
          .select({ id: billManagementTypes.id })
          .from(billManagementTypes)
          .where(
            and(
              eq(billManagementTypes.id, request.billManagementTypeId),
              eq(billManagementTypes.active, true),
            ),
          );
  const sector = await db
    .select({ code: sectors.code })
    .from(sectors)
    .where(eq(sectors.code, request.sectorCode));
  const errors: FieldError[] = [];
  if (licence.length === 0)
    errors.push({ field: "payload.licenceId", message: "Choose a licence from the catalogue" });
  if (bmType.length === 0) {
    errors.push({
      field: "payload.billManagementTypeId",
      message: "Choose a Bill Management licence type from the catalogue",
    });
  }
  if (sector.length === 0)
    errors.push({ field: "payload.sectorCode", message: "Choose a sector from the list" });
  if (errors.length > 0) {
    throw new Problem("VALIDATION_FAILED", "Some choices are not in the catalogue.", { errors });
  }
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
  actor: CustomerSuccessActor;
  applicationId: string;
  comment: string;
  now: Date;
}

export async function approveApplication({
  db,
  actor,
  applicationId,
  comment,
  now,
}: Decision): Promise<void> {
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(applications)
      .set({
        status: "approved",
        decidedBy: actor.userId,
        decidedAt: now,
        decisionComment: comment,
      })
      .where(and(eq(applications.id, applicationId), eq(applications.status, "pending")))
      .returning();
    if (!claimed) throw await notPendingOrMissing(tx, applicationId);
    const accountId = await createAccountFrom(tx, claimed.partnerId, claimed.payload, now);
    await tx.update(applications).set({ accountId }).where(eq(applications.id, applicationId));
  });
}

export async function rejectApplication({
  db,
  actor,
  applicationId,
  comment,
  now,
}: Decision): Promise<void> {
  const [decided] = await db
    .update(applications)
    .set({ status: "rejected", decidedBy: actor.userId, decidedAt: now, decisionComment: comment })
    .where(and(eq(applications.id, applicationId), eq(applications.status, "pending")))
    .returning({ id: applications.id });
  if (!decided) throw await notPendingOrMissing(db, applicationId);
}

/** A new account starts on the day of approval, in the partner's time zone, for the period asked. */
async function createAccountFrom(
  tx: Database,
  partnerId: string,
  payload: Record<string, unknown>,
  now: Date,
): Promise<string> {
  const parsed = newAccountRequest.safeParse(payload);
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
  await assertKnownInCatalogue(tx, request).catch((problem: Problem) => {
    throw new Problem(
      "APPLICATION_NO_LONGER_VALID",
      "A choice of this request left the catalogue.",
      {
        errors: problem.errors,
      },
    );
  });
  const [partner] = await tx
    .select({ timeZone: partners.timeZone })
    .from(partners)
    .where(eq(partners.id, partnerId));
  const term = termFrom(dateIn(partner?.timeZone ?? "UTC", now), request.periodMonths);
  try {
    const [created] = await tx
      .insert(accounts)
      .values({
        partnerId,
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
      .returning({ id: accounts.id });
    if (!created) throw new Error("insert returned no row");
    return created.id;
  } catch (error) {
    if (violatedUniqueConstraint(error) === "accounts_partner_name_key") {
      throw new Problem(
        "APPLICATION_NO_LONGER_VALID",
        `An account named "${request.name}" now exists in this portfolio.`,
      );
    }
    throw error;
  }
}
