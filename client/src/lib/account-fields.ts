import type { NewAccountRequest } from "../../../shared/domain/applications.ts";

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
