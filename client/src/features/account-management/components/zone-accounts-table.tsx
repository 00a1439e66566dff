import { Group, Select, Stack, Text } from "@mantine/core";
import type { AccountListQuery, AccountSort, AccountSummary } from "@shared/api/accounts.ts";
import type { ChangeKind } from "@shared/domain/applications.ts";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { AccountLink } from "../../../components/account-link.tsx";
import { DatapointsBar } from "../../../components/datapoints-bar.tsx";
import { DaysLeftBadge } from "../../../components/days-left-badge.tsx";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { SearchInput } from "../../../components/search-input.tsx";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { count, formatDate, formatNumber } from "../../../lib/format.ts";
import { useCatalogue } from "../../catalogue/index.ts";
import { useZoneAccounts } from "../api/zone-accounts.ts";
import { AccountRowMenu } from "./account-row-menu.tsx";
import { ChangeAccountModal } from "./change-account/change-account-modal.tsx";

type Zone = AccountListQuery["zone"];

const text = (value: string) => <Text size="sm">{value}</Text>;

const IDENTITY: Column<AccountSummary, AccountSort>[] = [
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
    render: (account) => text(account.customerName),
  },
  {
    key: "licence",
    header: "Licence",
    sortBy: "licence",
    render: (account) => text(account.licence.name),
  },
];

const COLUMNS: Record<Zone, Column<AccountSummary, AccountSort>[]> = {
  active: [
    ...IDENTITY,
    {
      key: "contracted",
      header: "Contracted",
      align: "right",
      render: (account) => text(formatNumber(account.datapoints.contracted)),
    },
    {
      key: "used",
      header: "Used",
      render: (account) => <DatapointsBar datapoints={account.datapoints} />,
    },
    {
      key: "left",
      header: "Left",
      sortBy: "datapointsLeft",
      align: "right",
      render: (account) => (
        <Text size="sm" fw={600} c={account.datapoints.left === 0 ? "red.7" : undefined}>
          {formatNumber(account.datapoints.left)}
        </Text>
      ),
    },
    {
      key: "endsOn",
      header: "Expires on",
      sortBy: "endsOn",
      render: (account) => text(formatDate(account.endsOn)),
    },
    {
      key: "daysLeft",
      header: "Days left",
      render: (account) => <DaysLeftBadge daysLeft={account.daysLeft} />,
    },
  ],
  expired: [
    ...IDENTITY,
    {
      key: "endsOn",
      header: "Ended on",
      sortBy: "endsOn",
      render: (account) => text(formatDate(account.endsOn)),
    },
    {
      key: "daysSince",
      header: "Days since",
      align: "right",
      render: (account) => text(count(-account.daysLeft, "day")),
    },
  ],
};

const LABELS: Record<Zone, { table: string; empty: string }> = {
  active: { table: "Active accounts", empty: "No active accounts." },
  expired: { table: "Expired accounts", empty: "No expired accounts." },
};

/** One zone of Account management: the portfolio's active or expired accounts. */
export function ZoneAccountsTable({ zone }: { zone: Zone }) {
  const [, setParams] = useSearchParams();
  const [action, setAction] = useState<{ kind: ChangeKind; account: AccountSummary } | null>(null);
  const columns: Column<AccountSummary, AccountSort>[] = [
    ...COLUMNS[zone],
    {
      key: "actions",
      header: "",
      align: "right",
      render: (account) => (
        <AccountRowMenu account={account} onAction={(kind) => setAction({ kind, account })} />
      ),
    },
  ];
  const catalogue = useCatalogue();
  const list = useListParams<Pick<AccountListQuery, "sort" | "order" | "licenceId">>({
    // Active: what expires soonest first. Expired: what ended most recently first.
    sort: "endsOn",
    order: zone === "active" ? "asc" : "desc",
    licenceId: undefined,
  });
  const result = useZoneAccounts({
    zone,
    ...list.filters,
    q: list.q || undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const filtered = Boolean(list.q || list.filters.licenceId);

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <SearchInput
          label={`Search ${LABELS[zone].table.toLowerCase()}`}
          placeholder="Search by account or customer"
          value={list.search}
          onChange={list.setSearch}
        />
        <Select
          aria-label="Filter by licence"
          placeholder="All licences"
          clearable
          data={(catalogue.data?.licences ?? []).map((licence) => ({
            value: licence.id,
            label: licence.name,
          }))}
          value={list.filters.licenceId ?? null}
          onChange={(licenceId) => list.setFilters({ licenceId: licenceId ?? undefined })}
          w={200}
        />
      </Group>
      <PagedTable
        label={LABELS[zone].table}
        columns={columns}
        result={result}
        rowKey={(account) => account.id}
        empty={filtered ? "No account matches these filters." : LABELS[zone].empty}
        page={list.page}
        onPageChange={list.setPage}
        sorting={list.filters}
        onSortingChange={list.setFilters}
      />
      {action && (
        <ChangeAccountModal
          key={`${action.kind}:${action.account.id}`}
          kind={action.kind}
          account={action.account}
          onClose={() => setAction(null)}
          // The application just filed is at the top of the Applications zone.
          onFiled={() => {
            setAction(null);
            setParams({ zone: "applications" }, { replace: true });
          }}
        />
      )}
    </Stack>
  );
}
