/**
 * A new account: the choices it asks for must be on offer in the catalogue when it is filed and
 * again when it is approved; approval creates the account, active from the approval day (in the
 * partner's time zone) for the period asked.
 */
import { eq } from "drizzle-orm";
import { termFrom } from "../../shared/domain/accounts.ts";
import {
  type NewAccountRequest,
  newAccountRequest,
} from "../../shared/domain/application-requests.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import { type FieldError, fieldErrorsOf } from "../../shared/errors.ts";
import { recordHistory } from "../accounts/history.ts";
import { partnerTimeZone } from "../accounts/state.ts";
import type { Catalogue } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import { violatedUniqueConstraint } from "../db/errors.ts";
import { accounts, applications } from "../db/schema/index.ts";
import { recordEvent } from "../events/record-event.ts";
import { openUsage } from "../usage/ledger.ts";
import { noLongerValid } from "./refusals.ts";

type Application = typeof applications.$inferSelect;

/** Licence, Bill Management licence type and sector must be on offer in the catalogue. */
export function choicesNotOnOffer(catalogue: Catalogue, request: NewAccountRequest): FieldError[] {
  const errors: FieldError[] = [];
  if (catalogue.offered.licence(request.licenceId) === undefined) {
    errors.push({ field: "payload.licenceId", message: "Choose a licence from the catalogue" });
  }
  if (
    request.billManagementTypeId !== null &&
    catalogue.offered.billManagementType(request.billManagementTypeId) === undefined
  ) {
    errors.push({
      field: "payload.billManagementTypeId",
      message: "Choose a Bill Management licence type from the catalogue",
    });
  }
  if (!catalogue.sectors.has(request.sectorCode)) {
    errors.push({ field: "payload.sectorCode", message: "Choose a sector from the list" });
  }
  return errors;
}

export async function createAccountFrom(
  tx: Database,
  application: Application,
  catalogue: Catalogue,
  now: Date,
): Promise<void> {
  const parsed = newAccountRequest.safeParse(application.payload);
  if (!parsed.success) {
    throw noLongerValid(
      "The request no longer meets the rules for a new account.",
      fieldErrorsOf(parsed.error.issues),
    );
  }
  const request = parsed.data;
  const notOnOffer = choicesNotOnOffer(catalogue, request);
  if (notOnOffer.length > 0) {
    throw noLongerValid("A choice of this request left the catalogue.", notOnOffer);
  }
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
      throw noLongerValid(`An account named "${request.name}" now exists in this portfolio.`);
    }
    throw error;
  }
  if (!created) throw new Error("insert returned no row");
  await openUsage(tx, created, { at: now, applicationId: application.id });
  await tx
    .update(applications)
    .set({ accountId: created.id })
    .where(eq(applications.id, application.id));
  await recordEvent(tx, {
    type: "account.created",
    partnerId: created.partnerId,
    accountId: created.id,
    occurredAt: now,
    data: {
      accountId: created.id,
      accountName: created.name,
      customerName: created.customerName,
      country: created.country,
      applicationId: application.id,
      startsOn: created.startsOn,
      endsOn: created.endsOn,
      datapointsContracted: created.datapointsContracted,
      smsCredits: created.smsCredits,
    },
  });
  const { names } = catalogue;
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
