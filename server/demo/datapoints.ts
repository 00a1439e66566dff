/** The demo's datapoints: named after a site's devices, of kinds drawn at random. */
import { type DatapointKind, isBillable } from "../../shared/domain/datapoints.ts";

const DEVICES = [
  "Main meter",
  "HVAC",
  "Lighting",
  "Chiller",
  "PV inverter",
  "EV chargers",
  "Boiler",
  "Weather station",
];
/** Kinds drawn for datapoints; meters three times as often as the other billable kinds. */
const BILLABLE: DatapointKind[] = [
  "meter",
  "meter",
  "meter",
  "weather",
  "virtual",
  "forecasting",
  "carbon",
  "manual_readings",
];
const NON_BILLABLE: DatapointKind[] = ["group", "calculated", "derived", "degree_days"];

/**
 * The datapoints registered on an account: `billable` that count, `nonBillable` that do not, each on
 * a day of its term so far (`from` its creation `to` today or its end).
 */
export function registeredDatapoints({
  partnerId,
  accountId,
  billable,
  nonBillable,
  from,
  to,
  next,
}: {
  partnerId: string;
  accountId: string;
  billable: number;
  nonBillable: number;
  from: Date;
  to: Date;
  next: () => number;
}) {
  const kinds = [
    ...Array.from(
      { length: billable },
      () => BILLABLE[Math.floor(next() * BILLABLE.length)] as DatapointKind,
    ),
    ...Array.from(
      { length: nonBillable },
      () => NON_BILLABLE[Math.floor(next() * NON_BILLABLE.length)] as DatapointKind,
    ),
  ];
  return kinds.map((kind, i) => {
    const device = DEVICES[i % DEVICES.length] as string;
    return {
      partnerId,
      accountId,
      externalId: `dp-${String(i + 1).padStart(5, "0")}`,
      name: `${device} ${kind.replace("_", " ")} ${i + 1}`,
      deviceName: device,
      kind,
      billable: isBillable(kind),
      registeredAt: new Date(from.getTime() + Math.floor(next() * (to.getTime() - from.getTime()))),
    };
  });
}
