import type { NewAccountRequest } from "@shared/domain/applications.ts";
import { isCalendarDate } from "@shared/domain/calendar.ts";
import type { Entitlement } from "@shared/domain/changes.ts";
import { formatDate, formatNumber } from "./format.ts";

/** What each part of an account is called, the same on the create form, the review and the account page. */
export const ACCOUNT_FIELD_LABELS: Record<keyof NewAccountRequest, string> = {
  name: "Account name",
  customerName: "Customer name",
  country: "Country",
  sectorCode: "Sector",
  licenceId: "Licence",
  periodMonths: "Period",
  datapoints: "Datapoints",
  billManagementTypeId: "Bill Management licence type",
  rtmMeters: "Real-time meters (RtM)",
  additionalPods: "Additional pods",
  smsCredits: "SMS credits",
  rtcLines: "RTC lines",
  emailDomain: "E-mail domain",
  comment: "Comment",
};

/** What applications change on an existing account, by the field names of their before → after. */
const ENTITLEMENT_LABELS: Record<Entitlement, string> = {
  startsOn: "Starts on",
  endsOn: "Ends on",
  datapointsContracted: ACCOUNT_FIELD_LABELS.datapoints,
  licenceId: ACCOUNT_FIELD_LABELS.licenceId,
  billManagementTypeId: ACCOUNT_FIELD_LABELS.billManagementTypeId,
  rtmMeters: ACCOUNT_FIELD_LABELS.rtmMeters,
  additionalPods: ACCOUNT_FIELD_LABELS.additionalPods,
  rtcLines: ACCOUNT_FIELD_LABELS.rtcLines,
  smsCredits: ACCOUNT_FIELD_LABELS.smsCredits,
};

/** Shown for a value that is not there. */
export const NOTHING = "—";

export function entitlementLabel(field: string): string {
  return ENTITLEMENT_LABELS[field as Entitlement] ?? field;
}

/** An entitlement value as the API gives it (names already resolved), with dates and numbers formatted. */
export function formatEntitlement(field: string, value: string | number | null): string {
  if (value === null) return field === "billManagementTypeId" ? "None" : NOTHING;
  if (typeof value === "number") return formatNumber(value);
  return isCalendarDate(value) ? formatDate(value) : value;
}
