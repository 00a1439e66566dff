import { Badge, Group, Select, Stack, Text } from "@mantine/core";
import type { AccountListQuery, AccountSort, ZoneAccount } from "@shared/api/accounts.ts";
import type { ChangeKind } from "@shared/domain/applications.ts";
import type { MessageKey } from "@shared/i18n/catalogue.ts";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { AccountLink } from "../../../components/account-link.tsx";
import { CsvDownloadButton } from "../../../components/csv-download-button.tsx";
import { DatapointsBar } from "../../../components/datapoints-bar.tsx";
import { DaysLeftBadge } from "../../../components/days-left-badge.tsx";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { useReturnFocus } from "../../../components/row-menu.tsx";
import { SearchInput } from "../../../components/search-input.tsx";
import { useKeysetPages } from "../../../hooks/use-keyset-pages.ts";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { type Format, useFormat } from "../../../lib/format.ts";
import { type Translate, useT } from "../../../lib/i18n.tsx";
import { ink } from "../../../lib/ink.ts";
import { useCatalogue } from "../../catalogue/index.ts";
import { useZoneAccounts, zoneOpeningOrder } from "../api/zone-accounts.ts";
import { AccountRowMenu } from "./account-row-menu.tsx";
import { LazyChangeAccountModal } from "./change-account/lazy-change-account-modal.tsx";

type Zone = AccountListQuery["zone"];

const text = (value: string) => <Text size="sm">{value}</Text>;

/** Each zone's columns, with the words and numbers of the user's language. */
function columnsOf(zone: Zone, t: Translate, format: Format): Column<ZoneAccount, AccountSort>[] {
  const identity: Column<ZoneAccount, AccountSort>[] = [
    {
      key: "name",
      header: t("accounts.field.account"),
      sortBy: "name",
      render: (account) => (
        <Group gap={6} wrap="nowrap">
          <AccountLink account={account} />
          {account.pendingApplications > 0 && (
            <Badge color="yellow" variant="light" radius="sm" style={{ flexShrink: 0 }}>
              {t("accounts.zones.pending", { count: account.pendingApplications })}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: "customer",
      header: t("accounts.field.customer"),
      sortBy: "customerName",
      render: (account) => text(account.customerName),
    },
    {
      key: "licence",
      header: t("app.accountField.licenceId"),
      sortBy: "licence",
      render: (account) => text(account.licence.name),
    },
  ];
  if (zone === "expired") {
    return [
      ...identity,
      {
        key: "endsOn",
        header: t("accounts.zones.endedOn"),
        sortBy: "endsOn",
        render: (account) => text(format.date(account.endsOn)),
      },
      {
        key: "daysSince",
        header: t("accounts.zones.daysSince"),
        align: "right",
        render: (account) => text(t("common.days", { count: -account.daysLeft })),
      },
    ];
  }
  return [
    ...identity,
    {
      key: "contracted",
      header: t("accounts.zones.contracted"),
      align: "right",
      render: (account) => text(format.number(account.datapoints.contracted)),
    },
    {
      key: "used",
      header: t("accounts.zones.used"),
      render: (account) => <DatapointsBar datapoints={account.datapoints} />,
    },
    {
      key: "left",
      header: t("accounts.zones.left"),
      sortBy: "datapointsLeft",
      align: "right",
      render: (account) => (
        <Text size="sm" fw={600} c={account.datapoints.left === 0 ? ink("red") : undefined}>
          {format.number(account.datapoints.left)}
        </Text>
      ),
    },
    {
      key: "endsOn",
      header: t("accounts.zones.expiresOn"),
      sortBy: "endsOn",
      render: (account) => text(format.date(account.endsOn)),
    },
    {
      key: "daysLeft",
      header: t("accounts.field.daysLeft"),
      render: (account) => <DaysLeftBadge daysLeft={account.daysLeft} />,
    },
  ];
}

/** The words of each zone: the table's name, its search box and its empty state. */
const LABELS = {
  active: {
    table: "accounts.zones.active",
    search: "accounts.zones.searchActive",
    empty: "accounts.zones.noActive",
  },
  expired: {
    table: "accounts.zones.expired",
    search: "accounts.zones.searchExpired",
    empty: "accounts.zones.noExpired",
  },
} as const satisfies Record<Zone, Record<string, MessageKey>>;

/** One zone of Account management: the portfolio's active or expired accounts. */
export function ZoneAccountsTable({ zone }: { zone: Zone }) {
  const [, setParams] = useSearchParams();
  const [action, setAction] = useState<{ kind: ChangeKind; account: ZoneAccount } | null>(null);
  const focus = useReturnFocus();
  const t = useT();
  const format = useFormat();
  const columns: Column<ZoneAccount, AccountSort>[] = [
    ...columnsOf(zone, t, format),
    {
      key: "actions",
      header: t("common.actions"),
      actions: true,
      align: "right",
      render: (account) => (
        <AccountRowMenu
          account={account}
          onAction={(kind, opener) => {
            focus.from(opener);
            setAction({ kind, account });
          }}
        />
      ),
    },
  ];
  const catalogue = useCatalogue();
  const list = useListParams<Pick<AccountListQuery, "sort" | "order" | "licenceId">>({
    ...zoneOpeningOrder(zone),
    licenceId: undefined,
  });
  const pages = useKeysetPages(JSON.stringify([list.filters, list.q]), PAGE_SIZE);
  const result = useZoneAccounts({
    zone,
    ...list.filters,
    q: list.q || undefined,
    ...pages.cursor,
    page: 1,
    pageSize: PAGE_SIZE,
  });
  const filtered = Boolean(list.q || list.filters.licenceId);

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <SearchInput
          label={t(LABELS[zone].search)}
          placeholder={t("accounts.searchPlaceholder")}
          value={list.search}
          onChange={list.setSearch}
        />
        <Select
          aria-label={t("accounts.zones.filterByLicence")}
          placeholder={t("accounts.zones.allLicences")}
          clearable
          data={(catalogue.data?.licences ?? []).map((licence) => ({
            value: licence.id,
            label: licence.name,
          }))}
          value={list.filters.licenceId ?? null}
          onChange={(licenceId) => list.setFilters({ licenceId: licenceId ?? undefined })}
          w={200}
        />
        <CsvDownloadButton
          path="/api/v1/account-management/accounts/export.csv"
          query={{ zone, ...list.filters, q: list.q || undefined }}
          what={t(LABELS[zone].table)}
        />
      </Group>
      <PagedTable
        label={t(LABELS[zone].table)}
        columns={columns}
        result={result}
        rowKey={(account) => account.id}
        empty={t(filtered ? "accounts.zones.noMatch" : LABELS[zone].empty)}
        keyset={pages}
        sorting={list.filters}
        onSortingChange={list.setFilters}
      />
      {action && (
        <LazyChangeAccountModal
          key={`${action.kind}:${action.account.id}`}
          kind={action.kind}
          account={action.account}
          onClose={() => {
            setAction(null);
            focus.back();
          }}
          // The application just filed waits in the Applications zone.
          onFiled={() => {
            setAction(null);
            setParams({ zone: "applications" }, { replace: true });
          }}
        />
      )}
    </Stack>
  );
}
