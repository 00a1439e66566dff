import { Badge, Button, Group, Paper, Select, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { AccountDetail } from "@shared/api/accounts.ts";
import type { Datapoint } from "@shared/api/usage.ts";
import type { DatapointKind } from "@shared/domain/datapoints.ts";
import { IconFileImport } from "@tabler/icons-react";
import { CsvDownloadButton } from "../../../components/csv-download-button.tsx";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { SearchInput } from "../../../components/search-input.tsx";
import { useKeysetPages } from "../../../hooks/use-keyset-pages.ts";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { useDatapointKinds } from "../../../lib/datapoint-kinds.ts";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useDatapoints } from "../api/usage.ts";
import { CsvImportModal } from "./csv-import-modal.tsx";

/** The datapoints table's columns, in the user's language. */
function useColumns(): Column<Datapoint>[] {
  const t = useT();
  const format = useFormat();
  const kinds = useDatapointKinds();
  return [
    {
      key: "externalId",
      header: t("usage.datapoints.externalId"),
      render: (datapoint) => (
        <Text size="sm" ff="monospace">
          {datapoint.externalId}
        </Text>
      ),
    },
    { key: "name", header: t("app.field.name"), render: (datapoint) => datapoint.name },
    {
      key: "device",
      header: t("usage.datapoints.device"),
      render: (datapoint) => datapoint.deviceName,
    },
    {
      key: "kind",
      header: t("usage.datapoints.kind"),
      render: (datapoint) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{kinds.label(datapoint.kind)}</Text>
          <Badge
            size="xs"
            radius="sm"
            variant="light"
            color={datapoint.billable ? "indigo" : "gray"}
          >
            {datapoint.billable
              ? t("usage.datapoints.billable")
              : t("usage.datapoints.notBillable")}
          </Badge>
        </Group>
      ),
    },
    {
      key: "registeredAt",
      header: t("usage.datapoints.registered"),
      render: (datapoint) => format.dateTime(datapoint.registeredAt),
    },
  ];
}

interface DatapointsSectionProps {
  account: AccountDetail;
  /** SuperAdmins import datapoints from a CSV file. */
  canImport: boolean;
}

/**
 * The account's registered datapoints, filtered on the server and turned page by page (Previous,
 * Next: cursors, however many it holds), and the CSV import.
 */
export function DatapointsSection({ account, canImport }: DatapointsSectionProps) {
  const t = useT();
  const kinds = useDatapointKinds();
  const columns = useColumns();
  const list = useListParams<{ kind: DatapointKind | undefined }>({ kind: undefined });
  const pages = useKeysetPages(JSON.stringify([list.filters, list.q]), PAGE_SIZE);
  const result = useDatapoints(account.id, {
    kind: list.filters.kind,
    device: list.q || undefined,
    ...pages.cursor,
    page: 1,
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
              {t("usage.datapoints.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("usage.datapoints.description")}
            </Text>
          </Stack>
          {canImport && (
            <Tooltip label={t("usage.datapoints.expiredTooltip")} disabled={!expired}>
              <Button
                leftSection={<IconFileImport size={16} />}
                variant="light"
                onClick={open}
                disabled={expired}
              >
                {t("usage.datapoints.import")}
              </Button>
            </Tooltip>
          )}
        </Group>
        <Group gap="sm">
          <Select
            aria-label={t("usage.datapoints.kind")}
            placeholder={t("usage.datapoints.allKinds")}
            data={kinds.options}
            value={list.filters.kind ?? null}
            onChange={(kind) => list.setFilters({ kind: (kind as DatapointKind) ?? undefined })}
            clearable
            w={260}
            comboboxProps={{ withinPortal: true }}
          />
          <SearchInput
            label={t("usage.datapoints.device")}
            placeholder={t("usage.datapoints.devicePlaceholder")}
            value={list.search}
            onChange={list.setSearch}
          />
          <CsvDownloadButton
            path={`/api/v1/usage/accounts/${encodeURIComponent(account.id)}/datapoints/export.csv`}
            query={{ kind: list.filters.kind, device: list.q || undefined }}
            what={t("usage.datapoints.title")}
          />
        </Group>
        <PagedTable
          label={t("usage.datapoints.title")}
          columns={columns}
          result={result}
          rowKey={(datapoint) => datapoint.id}
          empty={
            list.filters.kind || list.q
              ? t("usage.datapoints.noMatch")
              : t("usage.datapoints.empty")
          }
          keyset={pages}
        />
      </Stack>
      {canImport && <CsvImportModal account={account} opened={importing} onClose={close} />}
    </Paper>
  );
}
