import type { ApplicationKind } from "../domain/applications.ts";
import type { Translate } from "./catalogue.ts";

export interface Names {
  licence(id: string): string | undefined;
  billManagementType(id: string): string | undefined;
  account(id: string): string | undefined;
}

/** One line that says what an application asks for, in the reader's words and language. */
export function describeApplication(
  kind: ApplicationKind,
  payload: Record<string, unknown>,
  names: Names,
  t: Translate,
): string {
  const licence = () =>
    names.licence(String(payload.licenceId)) ?? t("application.summary.unknownLicence");
  switch (kind) {
    case "new_account":
      return t("application.summary.newAccount", {
        name: String(payload.name),
        customer: String(payload.customerName),
        licence: licence(),
        datapoints: Number(payload.datapoints),
        months: Number(payload.periodMonths),
      });
    case "edit_datapoints": {
      const change = Number(payload.change);
      return change > 0
        ? t("application.summary.addDatapoints", { datapoints: change })
        : t("application.summary.removeDatapoints", { datapoints: -change });
    }
    case "move_datapoints":
      return t("application.summary.moveDatapoints", {
        datapoints: Number(payload.datapoints),
        target:
          names.account(String(payload.targetAccountId)) ?? t("application.summary.anotherAccount"),
      });
    case "edit_licence":
      return t("application.summary.editLicence", { licence: licence() });
    case "upgrade_meters":
      return t("application.summary.upgradeMeters", {
        billManagement: payload.billManagementTypeId
          ? (names.billManagementType(String(payload.billManagementTypeId)) ?? "Bill Management")
          : t("application.summary.noBillManagement"),
        rtm: Number(payload.rtmMeters),
        pods: Number(payload.additionalPods),
        rtc: Number(payload.rtcLines),
      });
    case "buy_sms_credits":
      return t("application.summary.buySmsCredits", { credits: Number(payload.credits) });
    case "renew_subscription":
      return t("application.summary.renewSubscription");
  }
}
