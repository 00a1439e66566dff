import type { Application } from "@shared/api/applications.ts";
import { useState } from "react";
import { applicationColumns } from "../../../components/applications.tsx";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { TitledCard } from "../../../components/titled-card.tsx";
import { useT } from "../../../lib/i18n.tsx";
import { useMe } from "../../auth/index.ts";
import { usePortfolioApplications } from "../api/applications.ts";
import { WithdrawButton } from "./applications-table.tsx";

/**
 * An account's pending applications on its page, oldest first as Customer Success reviews them;
 * the requester may withdraw their own. A move of datapoints shows on both accounts it touches.
 */
export function AccountPendingApplications({ accountId }: { accountId: string }) {
  const t = useT();
  const me = useMe();
  const [page, setPage] = useState(1);
  const result = usePortfolioApplications({
    accountId,
    status: "pending",
    page,
    pageSize: PAGE_SIZE,
  });
  const columns: Column<Application>[] = [
    ...applicationColumns(t, { withStatus: false, withDecision: false, ofAccount: accountId }),
    {
      key: "actions",
      header: t("common.actions"),
      actions: true,
      align: "right",
      render: (application) =>
        application.requestedBy.id === me.id ? <WithdrawButton application={application} /> : null,
    },
  ];
  const title = t("accounts.details.pendingApplications");
  return (
    <TitledCard title={title}>
      <PagedTable
        label={title}
        columns={columns}
        result={result}
        rowKey={(application) => application.id}
        empty={t("accounts.applications.noStatus", { status: "pending" })}
        page={page}
        onPageChange={setPage}
        minWidth={640}
      />
    </TitledCard>
  );
}
