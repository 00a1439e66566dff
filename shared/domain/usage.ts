/**
 * The platform's usage of an account's entitlements: datapoints registered against the contract,
 * SMS credits spent from the balance. The same rules check a batch in the API and in the web app's
 * CSV import.
 */
import { z } from "zod";
import { datapointsLeft } from "./accounts.ts";
import { MAX_QUANTITY } from "./application-requests.ts";
import { DATAPOINT_KINDS } from "./datapoints.ts";
import { type TextKind, text } from "./text.ts";

/** The most datapoints one request registers or releases. */
export const MAX_BATCH = 1_000;
const MAX_DATAPOINT_TEXT = 200;
const KIND_LIST = DATAPOINT_KINDS.join(", ");

// Each message written whole, as the catalogue (shared/i18n) finds and translates it.
const datapointText = (kind: TextKind, required: string, tooLong: string) =>
  text(kind, required).trim().min(1, required).max(MAX_DATAPOINT_TEXT, tooLong);

const datapointToRegister = z.strictObject({
  /** The platform's own id of the datapoint, unique within the account. */
  externalId: datapointText(
    "line",
    "Enter the external id",
    "Keep the external id within 200 characters",
  ),
  name: datapointText("name", "Enter the name", "Keep the name within 200 characters"),
  deviceName: datapointText(
    "name",
    "Enter the device name",
    "Keep the device name within 200 characters",
  ),
  kind: z.enum(DATAPOINT_KINDS, `Choose a kind: ${KIND_LIST}`),
});
export type DatapointToRegister = z.infer<typeof datapointToRegister>;

/** A batch of 1 to 1,000 datapoints, each external id once. */
export const datapointRegistration = z.strictObject({
  datapoints: z
    .array(datapointToRegister)
    .min(1, "Register at least one datapoint")
    .max(MAX_BATCH, `Register at most ${MAX_BATCH.toLocaleString("en")} datapoints at a time`)
    .superRefine(
      (batch, ctx) => {
        // Also runs when some datapoints are invalid, so that an import lists every fault at once.
        const externalIds = batch.map((d) =>
          typeof d?.externalId === "string" ? d.externalId.trim() : "",
        );
        for (const index of repeatedIndexes(externalIds)) {
          if (externalIds[index] === "") continue;
          ctx.addIssue({
            code: "custom",
            path: [index, "externalId"],
            message: "This external id is already earlier in the batch",
          });
        }
      },
      { when: (payload) => Array.isArray(payload.value) },
    ),
});
export type DatapointRegistration = z.infer<typeof datapointRegistration>;

/** Datapoints to release, by Wattfolio's id or the platform's external id: 1 to 1,000 in all. */
export const datapointRelease = z
  .strictObject({
    ids: z.array(z.uuid("Not a valid id")).default([]),
    externalIds: z
      .array(
        datapointText(
          "line",
          "Enter the external id",
          "Keep the external id within 200 characters",
        ),
      )
      .default([]),
  })
  .superRefine((release, ctx) => {
    const named = release.ids.length + release.externalIds.length;
    if (named === 0) {
      ctx.addIssue({ code: "custom", path: ["ids"], message: "Name at least one datapoint" });
    }
    if (named > MAX_BATCH) {
      ctx.addIssue({
        code: "custom",
        path: ["ids"],
        message: `Release at most ${MAX_BATCH.toLocaleString("en")} datapoints at a time`,
      });
    }
  });
export type DatapointRelease = z.infer<typeof datapointRelease>;

export const smsSpending = z.strictObject({
  credits: z
    .int("Credits must be a whole number")
    .min(1, "Spend at least 1 credit")
    .max(MAX_QUANTITY, `Spend at most ${MAX_QUANTITY.toLocaleString("en")} credits at a time`),
});
export type SmsSpending = z.infer<typeof smsSpending>;

/** Positions of the values that already appeared earlier in the list. */
export function repeatedIndexes(values: readonly string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) repeated.push(index);
    seen.add(value);
  });
  return repeated;
}

/** An entitlement as the platform uses it: what the contract gives, what is used, what is left. */
interface Capacity {
  contracted: number;
  used: number;
  left: number;
}

export function datapointsCapacity(contracted: number, used: number): Capacity {
  return { contracted, used, left: datapointsLeft({ contracted, used }) };
}

/** SMS credits are a balance: what was bought is what was spent plus what is left. */
export function smsCapacity(spent: number, balance: number): Capacity {
  return { contracted: spent + balance, used: spent, left: balance };
}
