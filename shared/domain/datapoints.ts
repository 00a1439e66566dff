/**
 * Datapoint kinds as the platform stores them. Stored series (meters, weather, …) are billable and
 * count against the contract; computed or grouping datapoints are recorded but never count.
 */
export const BILLABLE_DATAPOINT_KINDS = [
  "meter",
  "weather",
  "virtual",
  "forecasting",
  "carbon",
  "manual_readings",
] as const;
export const NON_BILLABLE_DATAPOINT_KINDS = [
  "group",
  "calculated",
  "derived",
  "degree_days",
] as const;
export const DATAPOINT_KINDS = [
  ...BILLABLE_DATAPOINT_KINDS,
  ...NON_BILLABLE_DATAPOINT_KINDS,
] as const;
export type DatapointKind = (typeof DATAPOINT_KINDS)[number];

const billable = new Set<string>(BILLABLE_DATAPOINT_KINDS);

export function isBillable(kind: DatapointKind): boolean {
  return billable.has(kind);
}
