import { Center, Loader, type MantineColor, Stack, Text, ThemeIcon, Timeline } from "@mantine/core";
import type { HistoryEntry } from "@shared/api/applications.ts";
import type { MessageKey } from "@shared/i18n/catalogue.ts";
import { IconArrowBackUp, IconCheck, IconSend, IconSparkles, IconX } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { KeysetFooter } from "../../../components/paged-table.tsx";
import { useKeysetPages } from "../../../hooks/use-keyset-pages.ts";
import { useEntitlements } from "../../../lib/account-fields.ts";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useMe } from "../../auth/index.ts";
import { HISTORY_PAGE_SIZE, useAccountHistory } from "../api/history.ts";

const EVENTS: Record<
  HistoryEntry["event"],
  { label: MessageKey; color: MantineColor; icon: ReactNode }
> = {
  filed: { label: "accounts.history.filed", color: "indigo", icon: <IconSend size={12} /> },
  approved: { label: "accounts.history.approved", color: "green", icon: <IconCheck size={12} /> },
  rejected: { label: "accounts.history.rejected", color: "red", icon: <IconX size={12} /> },
  withdrawn: {
    label: "accounts.history.withdrawn",
    color: "gray",
    icon: <IconArrowBackUp size={12} />,
  },
  created: { label: "accounts.history.created", color: "teal", icon: <IconSparkles size={12} /> },
};

function Entry({ entry }: { entry: HistoryEntry }) {
  const t = useT();
  const format = useFormat();
  const entitlements = useEntitlements();
  // What happens to an account happens on its partner's days: its times are in the partner's zone.
  const timeZone = useMe().partner?.timeZone;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {entry.actor?.name ?? t("accounts.history.autoApprovalRule")} ·{" "}
        {format.dateTime(entry.occurredAt, timeZone)}
      </Text>
      {entry.comment && (
        <Text size="sm" fs="italic" c="dimmed">
          “{entry.comment}”
        </Text>
      )}
      {entry.changes.map((change) => (
        <Text key={change.field} size="sm">
          {entitlements.label(change.field)}: {/* A created account had nothing before. */}
          {entry.event !== "created" && `${entitlements.format(change.field, change.before)} → `}
          <Text span fw={600}>
            {entitlements.format(change.field, change.after)}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

/**
 * What happened to the account: its applications, decisions and the changes they made, newest
 * first, turned page by page (Newer, Older) however long it has grown.
 */
export function AccountHistory({ accountId }: { accountId: string }) {
  const t = useT();
  const pages = useKeysetPages(accountId, HISTORY_PAGE_SIZE);
  const history = useAccountHistory(accountId, pages.cursor);

  if (!history.data) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (history.data.total === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("accounts.history.empty")}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <Timeline bulletSize={24} lineWidth={2}>
        {history.data.items.map((entry) => {
          const event = EVENTS[entry.event];
          return (
            <Timeline.Item
              key={entry.id}
              bullet={
                <ThemeIcon size={24} radius="xl" color={event.color}>
                  {event.icon}
                </ThemeIcon>
              }
              title={
                <Text size="sm" fw={600}>
                  {t(event.label)}
                  {entry.application ? ` · ${entry.application.summary}` : ""}
                </Text>
              }
            >
              <Entry entry={entry} />
            </Timeline.Item>
          );
        })}
      </Timeline>
      {(history.data.next !== null || history.data.previous !== null) && (
        <KeysetFooter
          data={history.data}
          first={pages.first}
          onNext={pages.onNext}
          onPrevious={pages.onPrevious}
          labels={{ previous: t("accounts.history.newer"), next: t("accounts.history.older") }}
        />
      )}
    </Stack>
  );
}
