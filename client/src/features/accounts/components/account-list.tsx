import { Group, SegmentedControl, Stack, Text } from "@mantine/core";
import type { AccountSort, AccountSummary } from "@shared/api/accounts.ts";
import { AccountLink } from "../../../components/account-link.tsx";
import { DatapointsBar } from "../../../components/datapoints-bar.tsx";
import { DaysLeftBadge } from "../../../components/days-left-badge.tsx";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { SearchInput } from "../../../components/search-input.tsx";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { useKeysetPages } from "../../../hooks/use-keyset-pages.ts";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { type Format, useFormat } from "../../../lib/format.ts";
import { type Translate, useT } from "../../../lib/i18n.tsx";
import { type HomeAccountsQuery, useAccounts } from "../api/accounts.ts";

function columnsOf(t: Translate, format: Format): Column<AccountSummary, AccountSort>[] {
  return [
    {
      key: "name",
      header: t("accounts.field.account"),
      sortBy: "name",
      render: (account) => <AccountLink account={account} />,
    },
    {
      key: "customer",
      header: t("accounts.field.customer"),
      sortBy: "customerName",
      render: (account) => <Text size="sm">{account.customerName}</Text>,
    },
    {
      key: "licence",
      header: t("app.accountField.licenceId"),
      sortBy: "licence",
      render: (account) => <Text size="sm">{account.licence.name}</Text>,
    },
    {
      key: "status",
      header: t("accounts.field.status"),
      render: (account) => <StatusBadge status={account.status} />,
    },
    {
      key: "datapoints",
      header: t("app.accountField.datapoints"),
      sortBy: "datapointsLeft",
      render: (account) => <DatapointsBar datapoints={account.datapoints} />,
    },
    {
      key: "endsOn",
      header: t("app.accountField.endsOn"),
      sortBy: "endsOn",
      render: (account) => <Text size="sm">{format.date(account.endsOn)}</Text>,
    },
    {
      key: "daysLeft",
      header: t("accounts.field.daysLeft"),
      render: (account) => <DaysLeftBadge daysLeft={account.daysLeft} />,
    },
  ];
}

/** The accounts the signed-in user can see, on the home screen. */
export function AccountList() {
  const t = useT();
  const format = useFormat();
  const list = useListParams<Pick<HomeAccountsQuery, "zone" | "sort" | "order">>({
    zone: "all",
    sort: "name",
    order: "asc",
  });
  const pages = useKeysetPages(JSON.stringify([list.filters, list.q]), PAGE_SIZE);
  const result = useAccounts({
    ...list.filters,
    q: list.q || undefined,
    ...pages.cursor,
    page: 1,
    pageSize: PAGE_SIZE,
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SearchInput
          label={t("accounts.list.search")}
          placeholder={t("accounts.searchPlaceholder")}
          value={list.search}
          onChange={list.setSearch}
        />
        <SegmentedControl
          aria-label={t("accounts.list.show")}
          data={[
            { value: "all", label: t("app.status.all") },
            { value: "active", label: t("app.status.active") },
            { value: "expired", label: t("app.status.expired") },
          ]}
          value={list.filters.zone}
          onChange={(zone) => list.setFilters({ zone: zone as HomeAccountsQuery["zone"] })}
        />
      </Group>
      <PagedTable
        label={t("accounts.list.title")}
        columns={columnsOf(t, format)}
        result={result}
        rowKey={(account) => account.id}
        empty={t(list.q ? "accounts.list.noMatch" : "accounts.list.empty")}
        keyset={pages}
        sorting={list.filters}
        onSortingChange={list.setFilters}
      />
    </Stack>
  );
}
