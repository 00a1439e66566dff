import { Anchor, SegmentedControl, Stack, Text } from "@mantine/core";
import type { Application } from "@shared/api/applications.ts";
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUSES,
  type ApplicationStatus,
} from "@shared/domain/applications.ts";
import { Link } from "react-router";
import { formatDateTime } from "../lib/format.ts";
import { AccountLink } from "./account-link.tsx";
import type { Column } from "./paged-table.tsx";
import { StatusBadge } from "./status-badge.tsx";

function WhoWhen({ who, when }: { who: string; when: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{who}</Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
        {formatDateTime(when)}
      </Text>
    </Stack>
  );
}

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

interface ApplicationColumnsOptions {
  /** Where the summary leads (the review page); plain text when absent. */
  linkTo?: (application: Application) => string;
  /** Customer Success reviews every partner's applications. */
  withPartner?: boolean;
  /** Who decided, when and with what comment; pointless in a list of pending applications only. */
  withDecision?: boolean;
}

/** How an application reads in a list, the same in the Applications zone and the review queue. */
export function applicationColumns({
  linkTo,
  withPartner = false,
  withDecision = true,
}: ApplicationColumnsOptions): Column<Application>[] {
  const columns: (Column<Application> | false)[] = [
    {
      key: "status",
      header: "Status",
      render: (application) => <StatusBadge status={application.status} />,
    },
    withPartner && {
      key: "partner",
      header: "Partner",
      render: (application) => <Text size="sm">{application.partner.name}</Text>,
    },
    {
      key: "kind",
      header: "Kind",
      render: (application) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {APPLICATION_KIND_LABELS[application.kind]}
        </Text>
      ),
    },
    {
      key: "summary",
      header: "Request",
      render: (application) => (
        <Stack gap={2} maw={420}>
          {linkTo ? (
            <Anchor component={Link} to={linkTo(application)} size="sm" fw={500}>
              {application.summary}
            </Anchor>
          ) : (
            <Text size="sm">{application.summary}</Text>
          )}
          {application.comment && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              “{application.comment}”
            </Text>
          )}
          {/* Two partners' "Remove 10 DP" read alike: the account tells them apart. Where the
              summary is already a link, the account is named in plain text beside it. */}
          {application.account &&
            (linkTo ? (
              <Text size="xs" c="gray.7">
                Account: {application.account.name}
              </Text>
            ) : (
              <AccountLink account={application.account} />
            ))}
        </Stack>
      ),
    },
    {
      key: "requested",
      header: "Requested",
      render: (application) => (
        <WhoWhen who={application.requestedBy.name} when={application.requestedAt} />
      ),
    },
    withDecision && {
      key: "decided",
      header: "Decided",
      render: (application) => {
        if (!application.decidedAt) return dash;
        const who = application.decidedAutomatically
          ? "Auto-approval rule"
          : (application.decidedBy?.name ?? "");
        return <WhoWhen who={who} when={application.decidedAt} />;
      },
    },
    withDecision && {
      key: "decisionComment",
      header: "Reviewer's comment",
      render: (application) =>
        application.decisionComment ? (
          <Text size="sm" lineClamp={3} maw={260}>
            {application.decisionComment}
          </Text>
        ) : (
          dash
        ),
    },
  ];
  return columns.filter((column) => column !== false);
}

const STATUS_FILTERS = [
  { value: "all", label: "All" },
  ...APPLICATION_STATUSES.map((status) => ({
    value: status,
    label: status.charAt(0).toUpperCase() + status.slice(1),
  })),
];

/** Which applications a list shows: all, or those in one status. */
export function ApplicationStatusFilter({
  value,
  onChange,
}: {
  value: ApplicationStatus | undefined;
  onChange: (status: ApplicationStatus | undefined) => void;
}) {
  return (
    <SegmentedControl
      aria-label="Filter by status"
      data={STATUS_FILTERS}
      value={value ?? "all"}
      onChange={(next) => onChange(next === "all" ? undefined : (next as ApplicationStatus))}
    />
  );
}
