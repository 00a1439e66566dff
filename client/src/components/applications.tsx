import { Anchor, Box, SegmentedControl, Stack, Text } from "@mantine/core";
import type { Application } from "@shared/api/applications.ts";
import {
  APPLICATION_STATUSES,
  type ApplicationKind,
  type ApplicationStatus,
} from "@shared/domain/applications.ts";
import { Link } from "react-router";
import { useFormat } from "../lib/format.ts";
import { type Translate, useT } from "../lib/i18n.tsx";
import { AccountLink } from "./account-link.tsx";
import type { Column } from "./paged-table.tsx";
import { StatusBadge } from "./status-badge.tsx";

/** What a kind of application is called in the user's language: "Edit datapoints". */
export function applicationKindLabel(t: Translate, kind: ApplicationKind): string {
  return t(`app.applicationKind.${kind}`);
}

function WhoWhen({ who, when }: { who: string; when: string }) {
  const format = useFormat();
  return (
    <Stack gap={0}>
      <Text size="sm">{who}</Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
        {format.dateTime(when)}
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
  /** The status; pointless too where every application listed is pending. */
  withStatus?: boolean;
  /** The list is this account's (its page): its own name is not repeated under each summary. */
  ofAccount?: string;
}

function AutoApproved({ when }: { when: string }) {
  const t = useT();
  return <WhoWhen who={t("app.applications.autoApprovalRule")} when={when} />;
}

/**
 * How an application reads in a list, the same in the Applications zone and the review queue, in
 * the user's language: `applicationColumns(t, { linkTo })` with `const t = useT()`.
 */
export function applicationColumns(
  t: Translate,
  {
    linkTo,
    withPartner = false,
    withDecision = true,
    withStatus = true,
    ofAccount,
  }: ApplicationColumnsOptions,
): Column<Application>[] {
  const columns: (Column<Application> | false)[] = [
    withStatus && {
      key: "status",
      header: t("app.applications.status"),
      render: (application) => <StatusBadge status={application.status} />,
    },
    withPartner && {
      key: "partner",
      header: t("app.applications.partner"),
      render: (application) => <Text size="sm">{application.partner.name}</Text>,
    },
    {
      key: "kind",
      header: t("app.applications.kind"),
      render: (application) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {applicationKindLabel(t, application.kind)}
        </Text>
      ),
    },
    {
      key: "summary",
      header: t("app.applications.request"),
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
            application.account.id !== ofAccount &&
            (linkTo ? (
              <Text size="xs" c="gray.7">
                {t("app.applications.account", { account: application.account.name })}
              </Text>
            ) : (
              <AccountLink account={application.account} />
            ))}
        </Stack>
      ),
    },
    {
      key: "requested",
      header: t("app.applications.requested"),
      render: (application) => (
        <WhoWhen who={application.requestedBy.name} when={application.requestedAt} />
      ),
    },
    withDecision && {
      key: "decided",
      header: t("app.applications.decided"),
      render: (application) => {
        if (!application.decidedAt) return dash;
        if (application.decidedAutomatically) return <AutoApproved when={application.decidedAt} />;
        return <WhoWhen who={application.decidedBy?.name ?? ""} when={application.decidedAt} />;
      },
    },
    withDecision && {
      key: "decisionComment",
      header: t("app.applications.decisionComment"),
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

/** Which applications a list shows: all, or those in one status. */
export function ApplicationStatusFilter({
  value,
  onChange,
}: {
  value: ApplicationStatus | undefined;
  onChange: (status: ApplicationStatus | undefined) => void;
}) {
  const t = useT();
  const filters = [
    { value: "all", label: t("app.status.all") },
    ...APPLICATION_STATUSES.map((status) => ({ value: status, label: t(`app.status.${status}`) })),
  ];
  return (
    // Five statuses are wider than a phone: the choice scrolls sideways there.
    <Box maw="100%" style={{ overflowX: "auto" }}>
      <SegmentedControl
        aria-label={t("app.status.filter")}
        data={filters}
        value={value ?? "all"}
        onChange={(next) => onChange(next === "all" ? undefined : (next as ApplicationStatus))}
      />
    </Box>
  );
}
