import type { ApplicationKind } from "./applications.ts";

/** One line that says what an application asks for, in the reviewer's words. */
export function describeApplication(
  kind: ApplicationKind,
  payload: Record<string, unknown>,
  licenceName: (id: string) => string | undefined,
): string {
  switch (kind) {
    case "new_account": {
      const licence = licenceName(String(payload.licenceId)) ?? "unknown licence";
      const datapoints = Number(payload.datapoints).toLocaleString("en");
      return `New account "${payload.name}" for ${payload.customerName} · ${licence} · ${datapoints} DP · ${payload.periodMonths} months`;
    }
  }
}
