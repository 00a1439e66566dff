import {
  BILLABLE_DATAPOINT_KINDS,
  type DatapointKind,
  NON_BILLABLE_DATAPOINT_KINDS,
} from "@shared/domain/datapoints.ts";

export const DATAPOINT_KIND_LABELS: Record<DatapointKind, string> = {
  meter: "Meter",
  weather: "Weather",
  virtual: "Virtual",
  forecasting: "Forecasting",
  carbon: "Carbon",
  manual_readings: "Manual readings",
  group: "Group",
  calculated: "Calculated",
  derived: "Derived",
  degree_days: "Degree days",
};

/** Kinds for a select, grouped by whether they count against the contract. */
export const DATAPOINT_KIND_OPTIONS = [
  {
    group: "Billable (count against the contract)",
    items: BILLABLE_DATAPOINT_KINDS.map((kind) => ({
      value: kind,
      label: DATAPOINT_KIND_LABELS[kind],
    })),
  },
  {
    group: "Not billable (never count)",
    items: NON_BILLABLE_DATAPOINT_KINDS.map((kind) => ({
      value: kind,
      label: DATAPOINT_KIND_LABELS[kind],
    })),
  },
];
