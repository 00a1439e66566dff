import { Group, Select, Stack, Text } from "@mantine/core";
import type { Application } from "@shared/api/applications.ts";
import { APPLICATION_KINDS, type ApplicationKind } from "@shared/domain/applications.ts";
import {
  ApplicationStatusFilter,
  applicationColumns,
  applicationKindLabel,
} from "../../../components/applications.tsx";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { SearchInput } from "../../../components/search-input.tsx";
import { useKeysetPages } from "../../../hooks/use-keyset-pages.ts";
import { useT } from "../../../lib/i18n.tsx";
import { usePartners } from "../../partners/index.ts";
import { useReviewQueue } from "../api/queue.ts";
import { queueSearch, useQueueParams } from "../queue-params.ts";
import { WaitingBadge } from "./waiting-badge.tsx";

/** The partners to filter by: the first hundred by name, searchable in the list. */
function PartnerFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (partnerId: string | undefined) => void;
}) {
  const t = useT();
  const partners = usePartners({ page: 1, pageSize: 100 });
  const data = (partners.data?.items ?? []).map((partner) => ({
    value: partner.id,
    label: partner.name,
  }));
  return (
    <Select
      label={t("review.queue.partner")}
      placeholder={t("review.queue.allPartners")}
      data={data}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      searchable
      clearable
      nothingFoundMessage={t("review.queue.noPartner")}
      w={{ base: "100%", sm: 240 }}
    />
  );
}

/** What Customer Success has to decide: pending applications of every partner, oldest first. */
export function ReviewQueue() {
  const t = useT();
  const list = useQueueParams();
  const pages = useKeysetPages(JSON.stringify([list.filters, list.status]), PAGE_SIZE);
  const result = useReviewQueue({
    ...list.filters,
    status: list.status,
    ...pages.cursor,
    page: 1,
    pageSize: PAGE_SIZE,
  });
  // An application opened from here keeps the queue's filters: its "next" is this queue's.
  const search = queueSearch(list.filters);
  const linkTo = (application: Application) => `/review/${application.id}${search}`;
  const columns: Column<Application>[] = applicationColumns(t, {
    linkTo,
    withPartner: true,
    withDecision: list.status !== "pending",
  });
  const waiting: Column<Application> = {
    key: "waiting",
    header: t("review.queue.waiting"),
    render: (application) =>
      application.waitingSeconds === null ? (
        <Text size="sm" c="gray.7">
          —
        </Text>
      ) : (
        <WaitingBadge seconds={application.waitingSeconds} />
      ),
  };
  const requested = columns.findIndex((column) => column.key === "requested");
  columns.splice(requested + 1, 0, waiting);

  const kinds = APPLICATION_KINDS.map((kind) => ({
    value: kind,
    label: applicationKindLabel(t, kind),
  }));
  const filtered = Boolean(list.filters.partnerId || list.filters.kind || list.filters.q);

  return (
    <Stack gap="sm">
      <ApplicationStatusFilter value={list.status} onChange={list.setStatus} />
      <Group align="flex-end" gap="sm">
        <PartnerFilter
          value={list.filters.partnerId}
          onChange={(partnerId) => list.setFilters({ partnerId })}
        />
        <Select
          label={t("review.queue.kind")}
          placeholder={t("review.queue.allKinds")}
          data={kinds}
          value={list.filters.kind ?? null}
          onChange={(kind) =>
            list.setFilters({ kind: (kind as ApplicationKind | null) ?? undefined })
          }
          clearable
          w={{ base: "100%", sm: 240 }}
        />
        <SearchInput
          label={t("review.queue.search")}
          placeholder={t("review.queue.searchPlaceholder")}
          value={list.search}
          onChange={list.setSearch}
        />
      </Group>
      <PagedTable
        label={t("review.queue.title")}
        columns={columns}
        result={result}
        rowKey={(application) => application.id}
        empty={
          filtered
            ? t("review.queue.noMatch")
            : list.status === "pending"
              ? t("review.queue.emptyPending")
              : t("review.queue.empty")
        }
        keyset={pages}
      />
    </Stack>
  );
}
