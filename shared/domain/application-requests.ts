/**
 * What an application asks for: the new account and each change of an existing one, with the rules
 * that guard the forms, the API and the approval alike. Apart from the kinds and statuses
 * (applications.ts), so that a page that only shows applications does not load the schemas.
 */
import { z } from "zod";
import {
  MAX_COMMENT_LENGTH,
  MAX_PERIOD_MONTHS,
  MIN_DATAPOINTS,
  MIN_PERIOD_MONTHS,
  RTC_COUNTRY,
  rtcLinesAllowed,
} from "./accounts.ts";
import type { ChangeKind } from "./applications.ts";
import { COUNTRY_CODES } from "./countries.ts";
import { text } from "./text.ts";

/** Counts of things (datapoints, meters, credits) are whole numbers with a sane ceiling. */
export const MAX_QUANTITY = 1_000_000;

const quantity = (label: string) =>
  z
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(MAX_QUANTITY, `${label} cannot exceed ${MAX_QUANTITY.toLocaleString("en")}`);

/** Host names as e-mail is sent from: labels of letters, digits and hyphens, a top-level domain. */
const HOST_NAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const comment = text("multiline")
  .trim()
  .max(
    MAX_COMMENT_LENGTH,
    `Keep the comment within ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters`,
  );

/** Everything the create-account form asks; the same rules guard the form, the API and approval. */
export const newAccountRequest = z
  .strictObject({
    name: text("name", "Enter the account's name")
      .trim()
      .min(1, "Enter the account's name")
      .max(120, "Keep the name within 120 characters"),
    customerName: text("name", "Enter the customer's name")
      .trim()
      .min(1, "Enter the customer's name")
      .max(200, "Keep the customer's name within 200 characters"),
    country: z.enum(COUNTRY_CODES as [string, ...string[]], "Choose a country"),
    licenceId: z.uuid("Choose a licence"),
    datapoints: quantity("Datapoints").min(
      MIN_DATAPOINTS,
      `Contract at least ${MIN_DATAPOINTS} datapoints`,
    ),
    billManagementTypeId: z.uuid("Choose a Bill Management licence type").nullable(),
    rtmMeters: quantity("Real-time meters"),
    additionalPods: quantity("Additional pods"),
    periodMonths: z
      .int("The period must be a whole number of months")
      .min(MIN_PERIOD_MONTHS, `The period is ${MIN_PERIOD_MONTHS} to ${MAX_PERIOD_MONTHS} months`)
      .max(MAX_PERIOD_MONTHS, `The period is ${MIN_PERIOD_MONTHS} to ${MAX_PERIOD_MONTHS} months`),
    sectorCode: text("line", "Choose a sector")
      .min(1, "Choose a sector")
      .max(40, "Choose a sector"),
    smsCredits: quantity("SMS credits"),
    rtcLines: quantity("RTC lines"),
    emailDomain: text()
      .trim()
      .regex(HOST_NAME, "Enter a host name such as mail.example.com")
      .nullable(),
    comment,
  })
  .superRefine((request, ctx) => {
    if (request.rtcLines > 0 && !rtcLinesAllowed(request.country)) {
      ctx.addIssue({
        code: "custom",
        path: ["rtcLines"],
        message: `RTC lines are only available for accounts in Spain (${RTC_COUNTRY})`,
      });
    }
    if (request.billManagementTypeId === null) {
      for (const field of ["rtmMeters", "additionalPods"] as const) {
        if (request[field] > 0) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: "Choose a Bill Management licence type to add real-time meters or pods",
          });
        }
      }
    }
  });

export type NewAccountRequest = z.infer<typeof newAccountRequest>;

/** A signed number: positive adds datapoints, negative removes them. */
export const editDatapointsPayload = z.strictObject({
  change: z
    .int("Enter a whole number of datapoints")
    .min(-MAX_QUANTITY, "That removes more datapoints than any account has")
    .max(MAX_QUANTITY, `Add at most ${MAX_QUANTITY.toLocaleString("en")} datapoints at once`)
    .refine(
      (change) => change !== 0,
      "Enter a number of datapoints to add (or, with a minus sign, to remove)",
    ),
});

export const moveDatapointsPayload = z.strictObject({
  datapoints: z
    .int("Enter a whole number of datapoints")
    .min(1, "Move at least one datapoint")
    .max(MAX_QUANTITY, `Move at most ${MAX_QUANTITY.toLocaleString("en")} datapoints at once`),
  targetAccountId: z.uuid("Choose the account that receives the datapoints"),
});

export const editLicencePayload = z.strictObject({ licenceId: z.uuid("Choose a licence") });

/** The meters the account should have after the upgrade (not a difference). */
export const upgradeMetersPayload = z
  .strictObject({
    billManagementTypeId: z.uuid("Choose a Bill Management licence type").nullable(),
    rtmMeters: quantity("Real-time meters"),
    additionalPods: quantity("Additional pods"),
    rtcLines: quantity("RTC lines"),
  })
  .superRefine((upgrade, ctx) => {
    if (upgrade.billManagementTypeId === null) {
      for (const field of ["rtmMeters", "additionalPods"] as const) {
        if (upgrade[field] > 0) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: "Choose a Bill Management licence type to add real-time meters or pods",
          });
        }
      }
    }
  });

export const buySmsCreditsPayload = z.strictObject({
  credits: z
    .int("Enter a whole number of credits")
    .min(1, "Buy at least one credit")
    .max(MAX_QUANTITY, `Buy at most ${MAX_QUANTITY.toLocaleString("en")} credits at once`),
});

/** A renewal always adds one year; there is nothing to choose. */
export const renewSubscriptionPayload = z.strictObject({});

const changePayloads = {
  edit_datapoints: editDatapointsPayload,
  move_datapoints: moveDatapointsPayload,
  edit_licence: editLicencePayload,
  upgrade_meters: upgradeMetersPayload,
  buy_sms_credits: buySmsCreditsPayload,
  renew_subscription: renewSubscriptionPayload,
} as const;

const changeOf = <K extends ChangeKind>(kind: K) =>
  z.object({ kind: z.literal(kind), payload: changePayloads[kind] });

/** A change of an existing account: its kind and the payload of that kind, checked together. */
export const changeRequest = z.discriminatedUnion("kind", [
  changeOf("edit_datapoints"),
  changeOf("move_datapoints"),
  changeOf("edit_licence"),
  changeOf("upgrade_meters"),
  changeOf("buy_sms_credits"),
  changeOf("renew_subscription"),
]);
export type ChangeRequest = z.infer<typeof changeRequest>;
