import { Paper, Table, Text } from "@mantine/core";
import type { Application } from "@shared/api/applications.ts";
import type { Catalogue } from "@shared/api/catalogue.ts";
import type { NewAccountRequest } from "@shared/domain/application-requests.ts";
import type { ApplicationStatus } from "@shared/domain/applications.ts";
import {
  accountFieldLabels,
  entitlementLabel,
  formatEntitlement,
  NOTHING,
} from "../../../lib/account-fields.ts";
import type { Format } from "../../../lib/format.ts";
import { type Translate, useT } from "../../../lib/i18n.tsx";
import { catalogueNames } from "../../catalogue/index.ts";

interface ChangeRow {
  key: string;
  label: string;
  before: string;
  after: string;
}

/** A requested value of a new account in the reviewer's words, catalogue ids resolved to names. */
function requestedValue(
  field: keyof NewAccountRequest,
  value: unknown,
  names: ReturnType<typeof catalogueNames>,
  t: Translate,
  format: Format,
): string {
  if (value === null || value === undefined || value === "") {
    return field === "billManagementTypeId" ? t("common.none") : NOTHING;
  }
  const text = String(value);
  switch (field) {
    case "country":
      return t("review.change.country", { name: format.countryName(text), code: text });
    case "sectorCode":
      return names.sector(text) ?? text;
    case "licenceId":
      return names.licence(text) ?? t("review.change.retiredLicence");
    case "billManagementTypeId":
      return names.billManagementType(text) ?? t("review.change.retiredType");
    case "periodMonths":
      return t("review.change.months", { count: Number(value) });
    case "datapoints":
      return t("review.change.datapoints", { count: Number(value) });
    default:
      return typeof value === "number" ? format.number(value) : text;
  }
}

/** The change an application asks for, field by field, as before → after. */
export function changeRows(
  application: Application,
  catalogue: Catalogue,
  t: Translate,
  format: Format,
): ChangeRow[] {
  if (application.kind === "new_account") {
    // A new account has nothing before: every field goes from "—" to what is asked.
    const names = catalogueNames(catalogue);
    return Object.entries(accountFieldLabels(t)).map(([field, label]) => ({
      key: field,
      label,
      before: NOTHING,
      after: requestedValue(
        field as keyof NewAccountRequest,
        application.payload[field],
        names,
        t,
        format,
      ),
    }));
  }
  // A move changes two accounts: then each row says which one.
  const accounts = new Set(application.changes.map((change) => change.account.id));
  return application.changes.map((change) => {
    const label = entitlementLabel(t, change.field);
    return {
      key: `${change.account.id}:${change.field}`,
      label:
        accounts.size > 1
          ? t("review.change.accountField", {
              account: change.account.name,
              field: label.toLowerCase(),
            })
          : label,
      before: formatEntitlement(t, format, change.field, change.before),
      after: formatEntitlement(t, format, change.field, change.after),
    };
  });
}

/** Before → after, field by field, of what an application asks. */
export function ChangeTable({ rows, status }: { rows: ChangeRow[]; status: ApplicationStatus }) {
  const t = useT();
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table aria-label={t("review.change.table")} verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th w="32%">{t("review.change.field")}</Table.Th>
            <Table.Th w="24%">{t("review.change.before")}</Table.Th>
            <Table.Th w={40} aria-hidden />
            <Table.Th>{t("review.change.after")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {row.label}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                  {row.before}
                </Text>
              </Table.Td>
              <Table.Td c="dimmed" aria-hidden>
                →
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} style={{ whiteSpace: "pre-wrap" }}>
                  {row.after}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {status === "pending" || status === "approved"
                    ? t("review.change.nothingNow")
                    : t("review.change.nothingClosed", { status })}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
