import { describe, expect, it } from "vitest";
import { DATAPOINT_KINDS, isBillable } from "./datapoints.ts";
import {
  type DatapointToRegister,
  datapointRegistration,
  datapointRelease,
  datapointsCapacity,
  repeatedIndexes,
  smsCapacity,
  smsSpending,
} from "./usage.ts";

const meter = (externalId: string): DatapointToRegister => ({
  externalId,
  name: `Main meter ${externalId}`,
  deviceName: "Main meter",
  kind: "meter",
});

function fieldsAtFault(schema: { safeParse(value: unknown): unknown }, value: unknown): string[] {
  const result = schema.safeParse(value) as {
    success: boolean;
    error?: { issues: { path: PropertyKey[] }[] };
  };
  return result.success ? [] : (result.error?.issues ?? []).map((i) => i.path.join("."));
}

describe("a batch of datapoints to register", () => {
  it("holds 1 to 1,000 datapoints", () => {
    const batch = (n: number) => ({
      datapoints: Array.from({ length: n }, (_, i) => meter(`dp-${i}`)),
    });
    expect(fieldsAtFault(datapointRegistration, batch(1))).toEqual([]);
    expect(fieldsAtFault(datapointRegistration, batch(1000))).toEqual([]);
    expect(fieldsAtFault(datapointRegistration, batch(0))).toEqual(["datapoints"]);
    expect(fieldsAtFault(datapointRegistration, batch(1001))).toEqual(["datapoints"]);
  });

  it("names each datapoint's fault by its position", () => {
    const faults = fieldsAtFault(datapointRegistration, {
      datapoints: [
        meter("a"),
        { ...meter("b"), kind: "solar panel" },
        { ...meter("c"), name: "   " },
        { ...meter("d"), deviceName: "x".repeat(201) },
        { name: "no external id", deviceName: "HVAC", kind: "group" },
      ],
    });
    expect(faults).toEqual([
      "datapoints.1.kind",
      "datapoints.2.name",
      "datapoints.3.deviceName",
      "datapoints.4.externalId",
    ]);
  });

  it("refuses an external id listed twice, pointing at the repeat", () => {
    const faults = fieldsAtFault(datapointRegistration, {
      datapoints: [meter("a"), meter("b"), meter("a")],
    });
    expect(faults).toEqual(["datapoints.2.externalId"]);
  });

  it("trims the texts it keeps", () => {
    const parsed = datapointRegistration.parse({
      datapoints: [{ ...meter(" a "), name: " Boiler ", deviceName: " Plant " }],
    });
    expect(parsed.datapoints[0]).toMatchObject({
      externalId: "a",
      name: "Boiler",
      deviceName: "Plant",
    });
  });
});

describe("datapoints to release", () => {
  it("are named by id, by external id, or both, 1 to 1,000 in all", () => {
    const id = "5fd39abb-6575-4b22-93fd-a0d289d36856";
    expect(fieldsAtFault(datapointRelease, { ids: [id] })).toEqual([]);
    expect(fieldsAtFault(datapointRelease, { externalIds: ["dp-1"] })).toEqual([]);
    expect(fieldsAtFault(datapointRelease, {})).toEqual(["ids"]);
    expect(
      fieldsAtFault(datapointRelease, {
        ids: Array.from({ length: 500 }, () => id),
        externalIds: Array.from({ length: 501 }, (_, i) => `dp-${i}`),
      }),
    ).toEqual(["ids"]);
    expect(fieldsAtFault(datapointRelease, { ids: ["dp-1"] })).toEqual(["ids.0"]);
  });
});

describe("spending SMS credits", () => {
  it("spends a whole, positive number of credits", () => {
    expect(fieldsAtFault(smsSpending, { credits: 1 })).toEqual([]);
    expect(fieldsAtFault(smsSpending, { credits: 0 })).toEqual(["credits"]);
    expect(fieldsAtFault(smsSpending, { credits: 2.5 })).toEqual(["credits"]);
    expect(fieldsAtFault(smsSpending, { credits: 1_000_001 })).toEqual(["credits"]);
  });
});

describe("usage of an account", () => {
  it("counts stored kinds against the contract, never groups or computed datapoints", () => {
    expect(DATAPOINT_KINDS.filter(isBillable)).toEqual([
      "meter",
      "weather",
      "virtual",
      "forecasting",
      "carbon",
      "manual_readings",
    ]);
  });

  it("leaves what is contracted minus what is used", () => {
    expect(datapointsCapacity(100, 40)).toEqual({ contracted: 100, used: 40, left: 60 });
    expect(datapointsCapacity(100, 100)).toEqual({ contracted: 100, used: 100, left: 0 });
  });

  it("reads SMS credits as bought = spent + balance", () => {
    expect(smsCapacity(30, 470)).toEqual({ contracted: 500, used: 30, left: 470 });
    expect(smsCapacity(0, 0)).toEqual({ contracted: 0, used: 0, left: 0 });
  });

  it("finds the repeats of a list after their first appearance", () => {
    expect(repeatedIndexes(["a", "b", "a", "c", "b", "a"])).toEqual([2, 4, 5]);
    expect(repeatedIndexes(["a", "A"])).toEqual([]);
  });
});
