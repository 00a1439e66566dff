import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Application } from "@shared/api/applications.ts";
import type { ApplicationStatus } from "@shared/domain/applications.ts";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useState } from "react";
import { ApplicationStatusFilter, applicationColumns } from "../../../components/applications.tsx";
import { CsvDownloadButton } from "../../../components/csv-download-button.tsx";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { useKeysetPages } from "../../../hooks/use-keyset-pages.ts";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { useOneAtATime } from "../../../hooks/use-one-at-a-time.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useMe } from "../../auth/index.ts";
import { usePortfolioApplications } from "../api/applications.ts";
import { useWithdrawApplication } from "../api/withdraw-application.ts";

/** Withdraw, for the requester's own pending applications only (the server says the same). */
export function WithdrawButton({ application }: { application: Application }) {
  const t = useT();
  const withdraw = useWithdrawApplication();
  const [confirming, setConfirming] = useState(false);
  const oneAtATime = useOneAtATime();
  // Through the promise, not mutate's callbacks: the refreshed list drops this button (the
  // application is no longer pending), and callbacks of an unmounted button never run, so the
  // confirmation would then not show. A failure is told by the query client.
  const confirm = () =>
    oneAtATime((settled) =>
      withdraw
        .mutateAsync(application.id)
        .then(
          () => {
            setConfirming(false);
            notifications.show({
              color: "gray",
              title: t("accounts.applications.withdrawn"),
              message: application.summary,
            });
          },
          () => {},
        )
        .finally(settled),
    );
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        leftSection={<IconArrowBackUp size={14} />}
        onClick={() => setConfirming(true)}
        aria-label={t("accounts.applications.withdrawFor", { summary: application.summary })}
      >
        {t("accounts.applications.withdraw")}
      </Button>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("accounts.applications.withdrawTitle")}
        radius="md"
      >
        <Stack>
          <Text size="sm">
            {t("accounts.applications.withdrawText", { summary: application.summary })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("accounts.applications.keep")}
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={confirm}>
              {t("accounts.applications.withdrawConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The Applications zone: what the SuperAdmins asked for, pending first, with the decisions. */
export function ApplicationsTable() {
  const t = useT();
  const me = useMe();
  const list = useListParams<{ status: ApplicationStatus | undefined }>({ status: undefined });
  const pages = useKeysetPages(JSON.stringify(list.filters), PAGE_SIZE);
  const result = usePortfolioApplications({
    ...list.filters,
    ...pages.cursor,
    page: 1,
    pageSize: PAGE_SIZE,
  });
  const columns: Column<Application>[] = [
    ...applicationColumns(t, {}),
    {
      key: "actions",
      header: t("common.actions"),
      actions: true,
      align: "right",
      render: (application) =>
        application.status === "pending" && application.requestedBy.id === me.id ? (
          <WithdrawButton application={application} />
        ) : null,
    },
  ];

  return (
    <Stack gap="sm">
      <Group>
        <ApplicationStatusFilter
          value={list.filters.status}
          onChange={(status) => list.setFilters({ status })}
        />
        <CsvDownloadButton
          path="/api/v1/account-management/applications/export.csv"
          query={{ status: list.filters.status }}
          what={t("accounts.zones.applications")}
        />
      </Group>
      <PagedTable
        label={t("accounts.zones.applications")}
        columns={columns}
        result={result}
        rowKey={(application) => application.id}
        empty={
          list.filters.status
            ? t("accounts.applications.noStatus", { status: list.filters.status })
            : t("accounts.applications.empty")
        }
        keyset={pages}
      />
    </Stack>
  );
}
