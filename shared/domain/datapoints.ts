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

/** Text as people may type a kind: without accents, case, or the difference of `_`, `-` and spaces. */
function kindSpelling(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();
}

/**
 * Reads a kind written as its code (`meter`, `manual_readings`) or as one of `labels`, the names
 * people see for it ("Meter", "Lecturas manuales"), whatever the case and accents; `undefined` when
 * it is none of them. The labels come from whoever shows them (the web app's catalogue).
 */
export function datapointKindReader(
  labels: Iterable<readonly [label: string, kind: DatapointKind]>,
): (text: string) => DatapointKind | undefined {
  const kinds = new Map<string, DatapointKind>();
  for (const [label, kind] of labels) kinds.set(kindSpelling(label), kind);
  // Codes last: a code always means its own kind.
  for (const kind of DATAPOINT_KINDS) kinds.set(kindSpelling(kind), kind);
  return (text) => kinds.get(kindSpelling(text));
}
