/**
 * The CSV exports of the Account management zones and of an account's datapoints: one record per
 * row, columns named in snake_case as the datapoints import reads them (a datapoints export can be
 * imported again), values as the API gives them (ISO dates, codes) so that any spreadsheet or
 * script reads them alike.
 */
import { writeCsv } from "../domain/csv.ts";
import { CSV_COLUMNS } from "../domain/datapoints-csv.ts";
import type { ZoneAccount } from "./accounts.ts";
import type { Application } from "./applications.ts";
import type { Datapoint } from "./usage.ts";

/** UTF-8's byte order mark, so that spreadsheets read accents right. */
const BOM = "\uFEFF";
const csv = (records: string[][]) => BOM + writeCsv(records, ",");

export function zoneAccountsCsv(accounts: readonly ZoneAccount[]): string {
  return csv([
    [
      "id",
      "name",
      "customer_name",
      "country",
      "sector",
      "licence",
      "bill_management_type",
      "starts_on",
      "ends_on",
      "status",
      "days_left",
      "datapoints_contracted",
      "datapoints_used",
      "datapoints_left",
      "rtm_meters",
      "additional_pods",
      "sms_credits",
      "rtc_lines",
      "pending_applications",
    ],
    ...accounts.map((a) => [
      a.id,
      a.name,
      a.customerName,
      a.country,
      a.sector.name,
      a.licence.name,
      a.billManagementType?.name ?? "",
      a.startsOn,
      a.endsOn,
      a.status,
      String(a.daysLeft),
      String(a.datapoints.contracted),
      String(a.datapoints.used),
      String(a.datapoints.left),
      String(a.rtmMeters),
      String(a.additionalPods),
      String(a.smsCredits),
      String(a.rtcLines),
      String(a.pendingApplications),
    ]),
  ]);
}

export function applicationsCsv(applications: readonly Application[]): string {
  return csv([
    [
      "id",
      "kind",
      "status",
      "account",
      "target_account",
      "summary",
      "comment",
      "requested_by",
      "requested_at",
      "decided_by",
      "decided_automatically",
      "decided_at",
      "decision_comment",
    ],
    ...applications.map((a) => [
      a.id,
      a.kind,
      a.status,
      a.account?.name ?? "",
      a.targetAccount?.name ?? "",
      a.summary,
      a.comment,
      a.requestedBy.name,
      a.requestedAt,
      a.decidedBy?.name ?? "",
      String(a.decidedAutomatically),
      a.decidedAt ?? "",
      a.decisionComment ?? "",
    ]),
  ]);
}

export function datapointsCsv(datapoints: readonly Datapoint[]): string {
  return csv([
    [...CSV_COLUMNS, "billable", "registered_at", "id"],
    ...datapoints.map((d) => [
      d.externalId,
      d.name,
      d.deviceName,
      d.kind,
      String(d.billable),
      d.registeredAt,
      d.id,
    ]),
  ]);
}
