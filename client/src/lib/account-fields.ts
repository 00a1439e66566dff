import type { NewAccountRequest } from "@shared/domain/application-requests.ts";
import { isCalendarDate } from "@shared/domain/calendar.ts";
import type { Entitlement } from "@shared/domain/changes.ts";
import { useMemo } from "react";
import { type Format, useFormat } from "./format.ts";
import { type Translate, useT } from "./i18n.tsx";

type AccountField = keyof NewAccountRequest;

const ACCOUNT_FIELDS: readonly AccountField[] = [
  "name",
  "customerName",
  "country",
  "sectorCode",
  "licenceId",
  "periodMonths",
  "datapoints",
  "billManagementTypeId",
  "rtmMeters",
  "additionalPods",
  "smsCredits",
  "rtcLines",
  "emailDomain",
  "comment",
];

/**
 * What each part of an account is called, the same on the create form, the review and the account
 * page, in the user's language (in the order of the create form).
 */
export function accountFieldLabels(t: Translate): Record<AccountField, string> {
  return Object.fromEntries(
    ACCOUNT_FIELDS.map((field) => [field, t(`app.accountField.${field}`)]),
  ) as Record<AccountField, string>;
}

/** `accountFieldLabels` for a component: `const LABELS = useAccountFieldLabels()`. */
export function useAccountFieldLabels(): Record<AccountField, string> {
  const t = useT();
  return useMemo(() => accountFieldLabels(t), [t]);
}

/** What applications change on an existing account, by the field names of their before → after. */
const ENTITLEMENT_FIELDS: Record<Entitlement, AccountField | "startsOn" | "endsOn"> = {
  startsOn: "startsOn",
  endsOn: "endsOn",
  datapointsContracted: "datapoints",
  licenceId: "licenceId",
  billManagementTypeId: "billManagementTypeId",
  rtmMeters: "rtmMeters",
  additionalPods: "additionalPods",
  rtcLines: "rtcLines",
  smsCredits: "smsCredits",
};

/** Shown for a value that is not there. */
export const NOTHING = "—";

export function entitlementLabel(t: Translate, field: string): string {
  const known = ENTITLEMENT_FIELDS[field as Entitlement];
  return known ? t(`app.accountField.${known}`) : field;
}

/** An entitlement value as the API gives it (names already resolved), with dates and numbers formatted. */
export function formatEntitlement(
  t: Translate,
  format: Format,
  field: string,
  value: string | number | null,
): string {
  if (value === null) return field === "billManagementTypeId" ? t("common.none") : NOTHING;
  if (typeof value === "number") return format.number(value);
  return isCalendarDate(value) ? format.date(value) : value;
}

/** `entitlementLabel` and `formatEntitlement` for a component, in the user's language. */
export function useEntitlements(): {
  label: (field: string) => string;
  format: (field: string, value: string | number | null) => string;
} {
  const t = useT();
  const format = useFormat();
  return useMemo(
    () => ({
      label: (field) => entitlementLabel(t, field),
      format: (field, value) => formatEntitlement(t, format, field, value),
    }),
    [t, format],
  );
}
