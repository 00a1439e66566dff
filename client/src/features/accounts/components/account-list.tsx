import { Group, SegmentedControl, Stack, Text } from "@mantine/core";
import type { AccountSort, AccountSummary } from "@shared/api/accounts.ts";
import { AccountLink } from "../../../components/account-link.tsx";
import { DatapointsBar } from "../../../components/datapoints-bar.tsx";
import { DaysLeftBadge } from "../../../components/days-left-badge.tsx";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { SearchInput } from "../../../components/search-input.tsx";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { formatDate } from "../../../lib/format.ts";
import { type HomeAccountsQuery, useAccounts } from "../api/accounts.ts";

const COLUMNS: Column<AccountSummary, AccountSort>[] = [
  {
    key: "name",
    header: "Account",
    sortBy: "name",
    render: (account) => <AccountLink account={account} />,
  },
  {
    key: "customer",
    header: "Customer",
    sortBy: "customerName",
    render: (account) => <Text size="sm">{account.customerName}</Text>,
  },
  {
    key: "licence",
    header: "Licence",
    sortBy: "licence",
    render: (account) => <Text size="sm">{account.licence.name}</Text>,
  },
  { key: "status", header: "Status", render: (account) => <StatusBadge status={account.status} /> },
  {
    key: "datapoints",
    header: "Datapoints",
    sortBy: "datapointsLeft",
    render: (account) => <DatapointsBar datapoints={account.datapoints} />,
  },
  {
    key: "endsOn",
    header: "Ends on",
    sortBy: "endsOn",
    render: (account) => <Text size="sm">{formatDate(account.endsOn)}</Text>,
  },
  {
    key: "daysLeft",
    header: "Days left",
    render: (account) => <DaysLeftBadge daysLeft={account.daysLeft} />,
  },
];

const ZONES = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "expired", label: "Expired" },
];

/** The accounts the signed-in user can see, on the home screen. */
export function AccountList() {
  const list = useListParams<Pick<HomeAccountsQuery, "zone" | "sort" | "order">>({
    zone: "all",
    sort: "name",
    order: "asc",
  });
  const result = useAccounts({
    ...list.filters,
    q: list.q || undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SearchInput
          label="Search accounts"
          placeholder="Search by account or customer"
          value={list.search}
          onChange={list.setSearch}
        />
        <SegmentedControl
          aria-label="Show accounts"
          data={ZONES}
          value={list.filters.zone}
          onChange={(zone) => list.setFilters({ zone: zone as HomeAccountsQuery["zone"] })}
        />
      </Group>
      <PagedTable
        label="Your accounts"
        columns={COLUMNS}
        result={result}
        rowKey={(account) => account.id}
        empty={list.q ? "No account matches your search." : "You have no accounts yet."}
        page={list.page}
        onPageChange={list.setPage}
        sorting={list.filters}
        onSortingChange={list.setFilters}
      />
    </Stack>
  );
}
