import { Badge, Button, Group, Paper, Select, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { AccountDetail } from "@shared/api/accounts.ts";
import type { Datapoint } from "@shared/api/usage.ts";
import type { DatapointKind } from "@shared/domain/datapoints.ts";
import { IconFileImport } from "@tabler/icons-react";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { SearchInput } from "../../../components/search-input.tsx";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { DATAPOINT_KIND_LABELS, DATAPOINT_KIND_OPTIONS } from "../../../lib/datapoint-kinds.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useDatapoints } from "../api/usage.ts";
import { CsvImportModal } from "./csv-import-modal.tsx";

const columns: Column<Datapoint>[] = [
  {
    key: "externalId",
    header: "External id",
    render: (datapoint) => (
      <Text size="sm" ff="monospace">
        {datapoint.externalId}
      </Text>
    ),
  },
  { key: "name", header: "Name", render: (datapoint) => datapoint.name },
  { key: "device", header: "Device", render: (datapoint) => datapoint.deviceName },
  {
    key: "kind",
    header: "Kind",
    render: (datapoint) => (
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{DATAPOINT_KIND_LABELS[datapoint.kind]}</Text>
        <Badge size="xs" radius="sm" variant="light" color={datapoint.billable ? "indigo" : "gray"}>
          {datapoint.billable ? "Billable" : "Not billable"}
        </Badge>
      </Group>
    ),
  },
  {
    key: "registeredAt",
    header: "Registered",
    render: (datapoint) => formatDateTime(datapoint.registeredAt),
  },
];

interface DatapointsSectionProps {
  account: AccountDetail;
  /** SuperAdmins import datapoints from a CSV file. */
  canImport: boolean;
}

/** The account's registered datapoints, paged and filtered on the server, and the CSV import. */
export function DatapointsSection({ account, canImport }: DatapointsSectionProps) {
  const list = useListParams<{ kind: DatapointKind | undefined }>({ kind: undefined });
  const result = useDatapoints(account.id, {
    kind: list.filters.kind,
    device: list.q || undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const [importing, { open, close }] = useDisclosure(false);
  const expired = account.status === "expired";

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="datapoints-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={4} id="datapoints-title">
              Datapoints
            </Title>
            <Text size="sm" c="dimmed">
              Registered by the platform. Billable kinds count against the contract; the others
              never count.
            </Text>
          </Stack>
          {canImport && (
            <Tooltip label="An expired account accepts no new datapoints" disabled={!expired}>
              <Button
                leftSection={<IconFileImport size={16} />}
                variant="light"
                onClick={open}
                disabled={expired}
              >
                Import datapoints from CSV
              </Button>
            </Tooltip>
          )}
        </Group>
        <Group gap="sm">
          <Select
            aria-label="Kind"
            placeholder="All kinds"
            data={DATAPOINT_KIND_OPTIONS}
            value={list.filters.kind ?? null}
            onChange={(kind) => list.setFilters({ kind: (kind as DatapointKind) ?? undefined })}
            clearable
            w={260}
            comboboxProps={{ withinPortal: true }}
          />
          <SearchInput
            label="Device"
            placeholder="Exact device name, e.g. Main meter"
            value={list.search}
            onChange={list.setSearch}
          />
        </Group>
        <PagedTable
          label="Datapoints"
          columns={columns}
          result={result}
          rowKey={(datapoint) => datapoint.id}
          empty={
            list.filters.kind || list.q
              ? "No datapoints match these filters."
              : "No datapoints registered yet."
          }
          page={list.page}
          onPageChange={list.setPage}
        />
      </Stack>
      {canImport && <CsvImportModal account={account} opened={importing} onClose={close} />}
    </Paper>
  );
}
