import { Group, Stack } from "@mantine/core";
import type { Application } from "@shared/api/applications.ts";
import type { ApplicationStatus } from "@shared/domain/applications.ts";
import { ApplicationStatusFilter, applicationColumns } from "../../../components/applications.tsx";
import { PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useReviewQueue } from "../api/queue.ts";

const linkTo = (application: Application) => `/review/${application.id}`;

/** What Customer Success has to decide: pending applications of every partner, oldest first. */
export function ReviewQueue() {
  const t = useT();
  const list = useListParams<{ status: ApplicationStatus | undefined }>({ status: "pending" });
  const result = useReviewQueue({ ...list.filters, page: list.page, pageSize: PAGE_SIZE });
  const columns = applicationColumns(t, {
    linkTo,
    withPartner: true,
    withDecision: list.filters.status !== "pending",
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
        label={t("review.queue.title")}
        columns={columns}
        result={result}
        rowKey={(application) => application.id}
        empty={
          list.filters.status === "pending"
            ? t("review.queue.emptyPending")
            : t("review.queue.empty")
        }
        page={list.page}
        onPageChange={list.setPage}
      />
    </Stack>
  );
}
