import type { AccountListQuery, AccountSummary } from "@shared/api/accounts.ts";
import type { Catalogue } from "@shared/api/catalogue.ts";
import { type ChangeRequest, changeRequest } from "@shared/domain/application-requests.ts";
import type { ChangeKind } from "@shared/domain/applications.ts";
import { addDays } from "@shared/domain/calendar.ts";
import { type AccountState, type Plan, planChange } from "@shared/domain/changes.ts";
import { firstMessages, formErrorsOf } from "../../../../lib/zod-form.ts";
import { catalogueNames, useCatalogue } from "../../../catalogue/index.ts";
import { useZoneAccounts } from "../../api/zone-accounts.ts";
import { type ChangeFormValues, requestOf } from "./change-form.ts";

/** The receiving account of a move: another active account of the same portfolio. */
const MOVE_TARGETS: AccountListQuery = {
  zone: "active",
  sort: "name",
  order: "asc",
  page: 1,
  pageSize: 100,
};

/** Errors are keyed by the form's fields (`payload.` taken off), or `accountId` / `payload`. */
export type ChangePreview =
  | { state: "incomplete"; errors: Record<string, string> }
  | { state: "checked"; request: ChangeRequest; plan: Plan; errors: Record<string, string> };

/** The part of a zone's row that the rules read. */
function accountStateOf(account: AccountSummary): AccountState {
  return {
    id: account.id,
    name: account.name,
    country: account.country,
    startsOn: account.startsOn,
    endsOn: account.endsOn,
    datapointsContracted: account.datapoints.contracted,
    datapointsUsed: account.datapoints.used,
    licenceId: account.licence.id,
    billManagementTypeId: account.billManagementType?.id ?? null,
    rtmMeters: account.rtmMeters,
    additionalPods: account.additionalPods,
    rtcLines: account.rtcLines,
    smsCredits: account.smsCredits,
  };
}

/** Today is the partner's, as the server counts days. */
const todayOf = (account: AccountSummary) => addDays(account.endsOn, -account.daysLeft);

function previewOf(
  kind: ChangeKind,
  values: ChangeFormValues,
  account: AccountSummary,
  target: AccountSummary | undefined,
  catalogue: Catalogue,
): ChangePreview {
  const parsed = changeRequest.safeParse(requestOf(kind, values));
  if (!parsed.success) {
    return { state: "incomplete", errors: formErrorsOf(parsed.error, "payload.") };
  }
  const offered = catalogueNames(catalogue);
  const plan = planChange({
    ...parsed.data,
    account: accountStateOf(account),
    target: target && accountStateOf(target),
    today: todayOf(account),
    catalogue: {
      offered,
      // The catalogue lists what is on offer; the account's own entries keep their names retired.
      names: {
        licence: (id) =>
          offered.licence(id) ?? (id === account.licence.id ? account.licence.name : undefined),
        billManagementType: (id) =>
          offered.billManagementType(id) ??
          (id === account.billManagementType?.id ? account.billManagementType.name : undefined),
      },
    },
  });
  const errors = plan.ok ? {} : firstMessages(plan.errors, "payload.");
  return { state: "checked", request: parsed.data, plan, errors };
}

/**
 * The same checks as the server, before anything is sent: the schema, then the account's rules.
 * No preview until the catalogue has loaded.
 */
export function useChangePreview(
  kind: ChangeKind,
  account: AccountSummary,
  values: ChangeFormValues,
) {
  const catalogue = useCatalogue();
  const targets = useZoneAccounts(MOVE_TARGETS);
  const target = targets.data?.items.find((item) => item.id === values.targetAccountId);
  return {
    catalogue: catalogue.data,
    targets: targets.data?.items ?? [],
    target,
    preview: catalogue.data ? previewOf(kind, values, account, target, catalogue.data) : undefined,
  };
}
