import { MIN_DATAPOINTS, RTC_COUNTRY } from "@shared/domain/accounts.ts";
import {
  billManagementTypeIdOf,
  billManagementTypeValue,
  numberOf,
} from "../../../../lib/zod-form.ts";

/** What the inputs hold: Selects may be empty and NumberInputs hold "" until a number is typed. */
export interface NewAccountValues {
  name: string;
  customerName: string;
  country: string | null;
  sectorCode: string | null;
  licenceId: string | null;
  periodMonths: number | string;
  datapoints: number | string;
  billManagementTypeId: string;
  rtmMeters: number | string;
  additionalPods: number | string;
  smsCredits: number | string;
  rtcLines: number | string;
  emailDomain: string;
  comment: string;
}

export const NEW_ACCOUNT_VALUES: NewAccountValues = {
  name: "",
  customerName: "",
  country: RTC_COUNTRY,
  sectorCode: null,
  licenceId: null,
  periodMonths: 12,
  datapoints: MIN_DATAPOINTS,
  billManagementTypeId: billManagementTypeValue(null),
  rtmMeters: 0,
  additionalPods: 0,
  smsCredits: 0,
  rtcLines: 0,
  emailDomain: "",
  comment: "",
};

/** The request as the shared schema reads it; the schema, not the form, decides what is valid. */
export function requestOf(values: NewAccountValues) {
  return {
    name: values.name,
    customerName: values.customerName,
    country: values.country ?? "",
    sectorCode: values.sectorCode ?? "",
    licenceId: values.licenceId ?? "",
    periodMonths: numberOf(values.periodMonths),
    datapoints: numberOf(values.datapoints),
    billManagementTypeId: billManagementTypeIdOf(values.billManagementTypeId),
    rtmMeters: numberOf(values.rtmMeters),
    additionalPods: numberOf(values.additionalPods),
    smsCredits: numberOf(values.smsCredits),
    rtcLines: numberOf(values.rtcLines),
    emailDomain: values.emailDomain.trim() === "" ? null : values.emailDomain,
    comment: values.comment,
  };
}
