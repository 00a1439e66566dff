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
import { useKeysetPages } from "../../../hooks/use-keyset-pages.ts";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { NOTHING } from "../../../lib/account-fields.ts";
import { type Format, useFormat } from "../../../lib/format.ts";
import { type Translate, useT } from "../../../lib/i18n.tsx";
import { ink } from "../../../lib/ink.ts";
import { useOutbox } from "../api/outbox.ts";
import { LanguageBadge } from "./language-badge.tsx";

type MailStatus = (typeof MAIL_STATUSES)[number];

const COLORS: Record<MailStatus, MantineColor> = {
  queued: "blue",
  retrying: "orange",
  sent: "teal",
  failed: "red",
};

const STATUS_LABELS = {
  queued: "mailbox.outbox.queued",
  retrying: "mailbox.outbox.retrying",
  sent: "mailbox.outbox.sent",
  failed: "mailbox.outbox.failed",
} as const satisfies Record<MailStatus, string>;

/** What an e-mail is about, in the user's language; an unknown topic as it is stored. */
function topicLabel(t: Translate, topic: string): string {
  switch (topic) {
    case "reminder_30_days":
      return t("mailbox.outbox.topic.reminder", { days: 30 });
    case "reminder_7_days":
      return t("mailbox.outbox.topic.reminder", { days: 7 });
    case "reminder_on_the_day":
      return t("mailbox.outbox.topic.reminderOnTheDay");
    case "application_filed":
      return t("mailbox.outbox.topic.applicationFiled");
    case "application_decided":
      return t("mailbox.outbox.topic.applicationDecided");
    case "account_created":
      return t("mailbox.outbox.topic.accountCreated");
    case "account_renewed":
      return t("mailbox.outbox.topic.accountRenewed");
    default:
      return topic;
  }
}

function MailStatusBadge({ status }: { status: MailStatus }) {
  const t = useT();
  return (
    <Badge color={COLORS[status]} variant="light" radius="sm">
      {t(STATUS_LABELS[status])}
    </Badge>
  );
}

function outboxColumns(t: Translate, format: Format): Column<OutboxItem>[] {
  return [
    {
      key: "subject",
      header: t("mailbox.outbox.email"),
      render: (mail) => (
        <Stack gap={2} maw={420}>
          <Text size="sm" fw={500} lineClamp={1} title={mail.subject}>
            {mail.subject}
          </Text>
          <Text size="xs" c="dimmed">
            {mail.to} · {topicLabel(t, mail.topic)}
          </Text>
        </Stack>
      ),
    },
    {
      key: "language",
      header: t("mailbox.language"),
      render: (mail) => <LanguageBadge language={mail.language} />,
    },
    {
      key: "status",
      header: t("mailbox.outbox.status"),
      render: (mail) => <MailStatusBadge status={mail.status} />,
    },
    {
      key: "attempts",
      header: t("mailbox.outbox.attempts"),
      align: "right",
      render: (mail) => format.number(mail.attempts),
    },
    {
      key: "queued",
      header: t("mailbox.outbox.queued"),
      render: (mail) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {format.dateTime(mail.queuedAt)}
        </Text>
      ),
    },
    {
      key: "delivery",
      header: t("mailbox.outbox.delivery"),
      render: (mail) => {
        const at = mail.sentAt ?? mail.nextAttemptAt;
        if (!at) return NOTHING;
        return (
          <Text
            size="sm"
            style={{ whiteSpace: "nowrap" }}
            c={mail.sentAt ? undefined : ink("orange")}
          >
            {mail.sentAt
              ? format.dateTime(at)
              : t("mailbox.outbox.next", { at: format.dateTime(at) })}
          </Text>
        );
      },
    },
    {
      key: "error",
      header: t("mailbox.outbox.lastError"),
      render: (mail) =>
        mail.lastError ? (
          <Tooltip label={mail.lastError} multiline w={360} withArrow>
            <Text size="sm" c={ink("red")} lineClamp={2} maw={260}>
              {mail.lastError}
            </Text>
          </Tooltip>
        ) : (
          NOTHING
        ),
    },
  ];
}

/** Every e-mail the platform queued and how its delivery went, newest first. */
export function Outbox() {
  const t = useT();
  const format = useFormat();
  const columns = outboxColumns(t, format);
  const statusFilters = [
    { value: "all", label: t("app.status.all") },
    ...MAIL_STATUSES.map((status) => ({ value: status, label: t(STATUS_LABELS[status]) })),
  ];
  const list = useListParams<{ status: MailStatus | undefined }>({ status: undefined });
  const pages = useKeysetPages(JSON.stringify(list.filters), PAGE_SIZE);
  const result = useOutbox({ ...list.filters, ...pages.cursor, page: 1, pageSize: PAGE_SIZE });
  return (
    <Stack gap="sm">
      <Group>
        <SegmentedControl
          aria-label={t("mailbox.outbox.filter")}
          data={statusFilters}
          value={list.filters.status ?? "all"}
          onChange={(next) =>
            list.setFilters({ status: next === "all" ? undefined : (next as MailStatus) })
          }
        />
      </Group>
      <PagedTable
        label={t("mailbox.outbox.title")}
        columns={columns}
        result={result}
        rowKey={(mail) => mail.id}
        empty={t("mailbox.outbox.empty")}
        keyset={pages}
      />
    </Stack>
  );
}
