import {
  Badge,
  Group,
  type MantineColor,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
} from "@mantine/core";
import { MAIL_STATUSES, type OutboxItem } from "@shared/api/lifecycle.ts";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { NOTHING } from "../../../lib/account-fields.ts";
import { formatDateTime, formatNumber } from "../../../lib/format.ts";
import { useOutbox } from "../api/outbox.ts";
import { LanguageBadge } from "./language-badge.tsx";

type MailStatus = (typeof MAIL_STATUSES)[number];

const LOOK: Record<MailStatus, { color: MantineColor; label: string }> = {
  queued: { color: "blue", label: "Queued" },
  retrying: { color: "orange", label: "Retrying" },
  sent: { color: "teal", label: "Sent" },
  failed: { color: "red", label: "Failed" },
};

const TOPICS: Record<string, string> = {
  reminder_30_days: "Reminder · 30 days",
  reminder_7_days: "Reminder · 7 days",
  reminder_on_the_day: "Reminder · on the day",
  application_filed: "Application filed",
  application_decided: "Application decided",
  account_created: "Account created",
  account_renewed: "Account renewed",
};

const STATUS_FILTERS = [
  { value: "all", label: "All" },
  ...MAIL_STATUSES.map((status) => ({ value: status, label: LOOK[status].label })),
];

function MailStatusBadge({ status }: { status: MailStatus }) {
  const { color, label } = LOOK[status];
  return (
    <Badge color={color} variant="light" radius="sm">
      {label}
    </Badge>
  );
}

const columns: Column<OutboxItem>[] = [
  {
    key: "subject",
    header: "E-mail",
    render: (mail) => (
      <Stack gap={2} maw={420}>
        <Text size="sm" fw={500} lineClamp={1} title={mail.subject}>
          {mail.subject}
        </Text>
        <Text size="xs" c="dimmed">
          {mail.to} · {TOPICS[mail.topic] ?? mail.topic}
        </Text>
      </Stack>
    ),
  },
  {
    key: "language",
    header: "Language",
    render: (mail) => <LanguageBadge language={mail.language} />,
  },
  { key: "status", header: "Status", render: (mail) => <MailStatusBadge status={mail.status} /> },
  {
    key: "attempts",
    header: "Attempts",
    align: "right",
    render: (mail) => formatNumber(mail.attempts),
  },
  {
    key: "queued",
    header: "Queued",
    render: (mail) => (
      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
        {formatDateTime(mail.queuedAt)}
      </Text>
    ),
  },
  {
    key: "delivery",
    header: "Sent / next attempt",
    render: (mail) => {
      const at = mail.sentAt ?? mail.nextAttemptAt;
      if (!at) return NOTHING;
      return (
        <Text size="sm" style={{ whiteSpace: "nowrap" }} c={mail.sentAt ? undefined : "orange.8"}>
          {mail.sentAt ? "" : "next "}
          {formatDateTime(at)}
        </Text>
      );
    },
  },
  {
    key: "error",
    header: "Last error",
    render: (mail) =>
      mail.lastError ? (
        <Tooltip label={mail.lastError} multiline w={360} withArrow>
          <Text size="sm" c="red.8" lineClamp={2} maw={260}>
            {mail.lastError}
          </Text>
        </Tooltip>
      ) : (
        NOTHING
      ),
  },
];

/** Every e-mail the platform queued and how its delivery went, newest first. */
export function Outbox() {
  const list = useListParams<{ status: MailStatus | undefined }>({ status: undefined });
  const result = useOutbox({ ...list.filters, page: list.page, pageSize: PAGE_SIZE });
  return (
    <Stack gap="sm">
      <Group>
        <SegmentedControl
          aria-label="Filter by delivery status"
          data={STATUS_FILTERS}
          value={list.filters.status ?? "all"}
          onChange={(next) =>
            list.setFilters({ status: next === "all" ? undefined : (next as MailStatus) })
          }
        />
      </Group>
      <PagedTable
        label="Outbox"
        columns={columns}
        result={result}
        rowKey={(mail) => mail.id}
        empty="No e-mail in this state."
        page={list.page}
        onPageChange={list.setPage}
      />
    </Stack>
  );
}
