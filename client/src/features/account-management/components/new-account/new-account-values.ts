import { MIN_DATAPOINTS, rtcLinesAllowed } from "@shared/domain/accounts.ts";
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

/** An empty form; a new account starts in the partner's country, as most of its accounts are. */
export const blankNewAccount = (country: string | null): NewAccountValues => ({
  name: "",
  customerName: "",
  country,
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
});

/** Whether RTC lines may be asked for: only for accounts in Spain (the server refuses them elsewhere). */
export const rtcLinesOffered = (country: string | null): boolean =>
  country !== null && rtcLinesAllowed(country);

/** The values with no RTC lines where they are not offered: a country away from Spain drops them. */
export function withRtcLinesOffered(values: NewAccountValues): NewAccountValues {
  return rtcLinesOffered(values.country) || values.rtcLines === 0
    ? values
    : { ...values, rtcLines: 0 };
}

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
