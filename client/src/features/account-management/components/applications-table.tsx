import { Group, Stack } from "@mantine/core";
import type { ApplicationStatus } from "../../../../../shared/domain/applications.ts";
import { ApplicationStatusFilter, applicationColumns } from "../../../components/applications.tsx";
import { PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { usePortfolioApplications } from "../api/applications.ts";

const COLUMNS = applicationColumns({});

/** The Applications zone: what the SuperAdmins asked for, pending first, with the decisions. */
export function ApplicationsTable() {
  const list = useListParams<{ status: ApplicationStatus | undefined }>({ status: undefined });
  const result = usePortfolioApplications({
    ...list.filters,
    page: list.page,
    pageSize: PAGE_SIZE,
  });

  return (
    <Stack gap="sm">
      <Group>
        <ApplicationStatusFilter
          value={list.filters.status}
          onChange={(status) => list.setFilters({ status })}
        />
      </Group>
      <PagedTable
        label="Applications"
        columns={COLUMNS}
        result={result}
        rowKey={(application) => application.id}
        empty={
          list.filters.status ? `No ${list.filters.status} applications.` : "No applications yet."
        }
        page={list.page}
        onPageChange={list.setPage}
      />
    </Stack>
  );
}
