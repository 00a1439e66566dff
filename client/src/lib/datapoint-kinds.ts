import {
  BILLABLE_DATAPOINT_KINDS,
  DATAPOINT_KINDS,
  type DatapointKind,
  datapointKindReader,
  NON_BILLABLE_DATAPOINT_KINDS,
} from "@shared/domain/datapoints.ts";
import { LANGUAGES } from "@shared/domain/languages.ts";
import { app } from "@shared/i18n/messages/app.ts";
import { useMemo } from "react";
import { type Translate, useT } from "./i18n.tsx";

/** A kind of datapoint in the user's language: "Meter", "Contador". */
export function datapointKindLabel(t: Translate, kind: DatapointKind): string {
  return t(`app.datapointKind.${kind}`);
}

/**
 * A kind as people write it in a file: its code or its label in either language ("Meter",
 * "Contador", "lecturas manuales"), whatever the case and accents.
 */
export const readDatapointKind = datapointKindReader(
  LANGUAGES.flatMap((language) =>
    DATAPOINT_KINDS.map((kind) => [app[language][`app.datapointKind.${kind}`], kind] as const),
  ),
);

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
