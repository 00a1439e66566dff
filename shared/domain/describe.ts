import type { ApplicationKind } from "./applications.ts";

export interface Names {
  licence(id: string): string | undefined;
  billManagementType(id: string): string | undefined;
  account(id: string): string | undefined;
}

const count = (value: unknown) => Number(value).toLocaleString("en");

/** One line that says what an application asks for, in the reviewer's words. */
export function describeApplication(
  kind: ApplicationKind,
  payload: Record<string, unknown>,
  names: Names,
): string {
  switch (kind) {
    case "new_account": {
      const licence = names.licence(String(payload.licenceId)) ?? "unknown licence";
      return `New account "${payload.name}" for ${payload.customerName} · ${licence} · ${count(payload.datapoints)} DP · ${payload.periodMonths} months`;
    }
    case "edit_datapoints": {
      const change = Number(payload.change);
      return change > 0 ? `Add ${count(change)} DP` : `Remove ${count(-change)} DP`;
    }
    case "move_datapoints":
      return `Move ${count(payload.datapoints)} DP to ${names.account(String(payload.targetAccountId)) ?? "another account"}`;
    case "edit_licence":
      return `Change the licence to ${names.licence(String(payload.licenceId)) ?? "another licence"}`;
    case "upgrade_meters": {
      const type = payload.billManagementTypeId
        ? (names.billManagementType(String(payload.billManagementTypeId)) ?? "Bill Management")
        : "no Bill Management";
      return `Meters: ${type} · ${count(payload.rtmMeters)} RtM · ${count(payload.additionalPods)} pods · ${count(payload.rtcLines)} RTC lines`;
    }
    case "buy_sms_credits":
      return `Buy ${count(payload.credits)} SMS credits`;
    case "renew_subscription":
      return "Renew the subscription for one more year";
  }
}
