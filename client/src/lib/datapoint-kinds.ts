import {
  BILLABLE_DATAPOINT_KINDS,
  type DatapointKind,
  NON_BILLABLE_DATAPOINT_KINDS,
} from "@shared/domain/datapoints.ts";
import { useMemo } from "react";
import { type Translate, useT } from "./i18n.tsx";

/** A kind of datapoint in the user's language: "Meter", "Contador". */
export function datapointKindLabel(t: Translate, kind: DatapointKind): string {
  return t(`app.datapointKind.${kind}`);
}

/** Kinds for a select, grouped by whether they count against the contract. */
export function datapointKindOptions(t: Translate) {
  return [
    {
      group: t("app.datapointKind.billable"),
      items: BILLABLE_DATAPOINT_KINDS.map((kind) => ({
        value: kind,
        label: datapointKindLabel(t, kind),
      })),
    },
    {
      group: t("app.datapointKind.notBillable"),
      items: NON_BILLABLE_DATAPOINT_KINDS.map((kind) => ({
        value: kind,
        label: datapointKindLabel(t, kind),
      })),
    },
  ];
}

/** The kinds' labels and the select's options, in the user's language. */
export function useDatapointKinds(): {
  label: (kind: DatapointKind) => string;
  options: ReturnType<typeof datapointKindOptions>;
} {
  const t = useT();
  return useMemo(
    () => ({ label: (kind) => datapointKindLabel(t, kind), options: datapointKindOptions(t) }),
    [t],
  );
}
