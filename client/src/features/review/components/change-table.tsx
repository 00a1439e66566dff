import { Paper, Table, Text } from "@mantine/core";
import type { Application } from "@shared/api/applications.ts";
import type { Catalogue } from "@shared/api/catalogue.ts";
import type { ApplicationStatus, NewAccountRequest } from "@shared/domain/applications.ts";
import {
  ACCOUNT_FIELD_LABELS,
  entitlementLabel,
  formatEntitlement,
  NOTHING,
} from "../../../lib/account-fields.ts";
import { count, countryName, formatNumber } from "../../../lib/format.ts";
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
): string {
  if (value === null || value === undefined || value === "") {
    return field === "billManagementTypeId" ? "None" : NOTHING;
  }
  const text = String(value);
  switch (field) {
    case "country":
      return `${countryName(text)} (${text})`;
    case "sectorCode":
      return names.sector(text) ?? text;
    case "licenceId":
      return names.licence(text) ?? "A licence no longer in the catalogue";
    case "billManagementTypeId":
      return names.billManagementType(text) ?? "A type no longer in the catalogue";
    case "periodMonths":
      return count(Number(value), "month");
    case "datapoints":
      return `${formatNumber(Number(value))} DP`;
    default:
      return typeof value === "number" ? formatNumber(value) : text;
  }
}

/** The change an application asks for, field by field, as before → after. */
export function changeRows(application: Application, catalogue: Catalogue): ChangeRow[] {
  if (application.kind === "new_account") {
    // A new account has nothing before: every field goes from "—" to what is asked.
    const names = catalogueNames(catalogue);
    return Object.entries(ACCOUNT_FIELD_LABELS).map(([field, label]) => ({
      key: field,
      label,
      before: NOTHING,
      after: requestedValue(field as keyof NewAccountRequest, application.payload[field], names),
    }));
  }
  // A move changes two accounts: then each row says which one.
  const accounts = new Set(application.changes.map((change) => change.account.id));
  return application.changes.map((change) => {
    const label = entitlementLabel(change.field);
    return {
      key: `${change.account.id}:${change.field}`,
      label: accounts.size > 1 ? `${change.account.name}: ${label.toLowerCase()}` : label,
      before: formatEntitlement(change.field, change.before),
      after: formatEntitlement(change.field, change.after),
    };
  });
}

/** Before → after, field by field, of what an application asks. */
export function ChangeTable({ rows, status }: { rows: ChangeRow[]; status: ApplicationStatus }) {
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table aria-label="Requested change" verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th w="32%">Field</Table.Th>
            <Table.Th w="24%">Before</Table.Th>
            <Table.Th w={40} aria-hidden />
            <Table.Th>After</Table.Th>
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
                    ? "This application changes nothing on the account as it is now."
                    : `This application was ${status}: it changed nothing.`}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
