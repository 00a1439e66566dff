import type { NewAccountRequest } from "../../../shared/domain/applications.ts";
import type { Entitlement } from "../../../shared/domain/changes.ts";

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
export const ENTITLEMENT_LABELS: Record<Entitlement, string> = {
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
