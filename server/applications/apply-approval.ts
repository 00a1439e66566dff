/**
 * Applying an approved application, in the transaction that approved it: the accounts are locked,
 * the change is planned again against them as they are now, and refused if it no longer fits.
 */
import { and, eq } from "drizzle-orm";
import { changeRequest } from "../../shared/domain/application-requests.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import type { Change } from "../../shared/domain/changes.ts";
import { planChange } from "../../shared/domain/changes.ts";
import { fieldErrorsOf } from "../../shared/errors.ts";
import { partnerAccounts } from "../access/scope.ts";
import { recordHistory } from "../accounts/history.ts";
import { lockAccountStates, partnerTimeZone } from "../accounts/state.ts";
import type { CatalogueReader } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import { accounts, type applications, type EntitlementChange } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { recordContractChange } from "../usage/ledger.ts";
import { createAccountFrom } from "./new-account.ts";
import { noLongerValid } from "./refusals.ts";

type Application = typeof applications.$inferSelect;

const NO_LONGER_FITS = "The accounts have changed since it was filed: it no longer fits.";

export async function applyApproval(
  tx: Database,
  application: Application,
  catalogue: CatalogueReader,
  now: Date,
): Promise<void> {
  if (application.kind === "new_account") {
    await createAccountFrom(tx, application, await catalogue(tx), now);
    return;
  }
  const ids = [application.accountId, application.targetAccountId];
  const states = await lockAccountStates(tx, partnerAccounts(application.partnerId), ids);
  const account = states.get(String(application.accountId));
  if (!account) throw notFound("account");
  const change = changeRequest.safeParse({ kind: application.kind, payload: application.payload });
  if (!change.success) {
    throw noLongerValid(NO_LONGER_FITS, fieldErrorsOf(change.error.issues));
  }
  const plan = planChange({
    ...change.data,
    account,
    target: application.targetAccountId ? states.get(application.targetAccountId) : undefined,
    today: dateIn(await partnerTimeZone(tx, application.partnerId), now),
    catalogue: await catalogue(tx),
  });
  if (!plan.ok) {
    throw noLongerValid(NO_LONGER_FITS, plan.errors);
  }
  for (const update of plan.updates) {
    await tx
      .update(accounts)
      .set(update.set)
      .where(and(partnerAccounts(application.partnerId), eq(accounts.id, update.accountId)));
  }
  const renewedTo = plan.updates.find((update) => update.accountId === account.id)?.set.endsOn;
  if (application.kind === "renew_subscription" && renewedTo) {
    await recordEvent(tx, {
      type: "account.renewed",
      partnerId: application.partnerId,
      accountId: account.id,
      occurredAt: now,
      data: {
        accountId: account.id,
        accountName: account.name,
        applicationId: application.id,
        previousEndsOn: account.endsOn,
        endsOn: renewedTo,
      },
    });
  }
  for (const accountId of ids.filter((id): id is string => id !== null)) {
    const before = states.get(accountId);
    if (before) {
      await recordContractChange(
        tx,
        { ...before, partnerId: application.partnerId },
        { at: now, applicationId: application.id },
      );
    }
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
