import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  ScrollArea,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import type { SecurityEvent } from "@shared/api/security-log.ts";
import { IconArrowRight } from "@tabler/icons-react";
import { LoadingState } from "../../../components/loading-state.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { type SecurityLogFilters, useSecurityLog } from "../api/security-log.ts";
import { describeEvent, detailOf } from "./describe-event.ts";

interface SecurityLogTableProps {
  filters: SecurityLogFilters;
  /** Customer Success sees every partner's events, with a column saying whose. */
  showPartner: boolean;
  onFilter: (filters: SecurityLogFilters) => void;
}

function Detail({ event }: { event: SecurityEvent }) {
  const t = useT();
  const format = useFormat();
  const change = detailOf(event, t, format);
  if (!change) return null;
  if ("facts" in change) return <Text size="sm">{change.facts}</Text>;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Text size="sm">{change.before}</Text>
      <IconArrowRight
        size={14}
        aria-label={t("securityLog.changedTo")}
        style={{ flexShrink: 0, marginTop: 3 }}
      />
      <Text size="sm">{change.after}</Text>
    </Group>
  );
}

/** The log's rows, newest first; a person's name filters by what they did. */
export function SecurityLogTable({ filters, showPartner, onFilter }: SecurityLogTableProps) {
  const t = useT();
  const format = useFormat();
  const log = useSecurityLog(filters);
  if (log.isPending) return <LoadingState label={t("securityLog.loading")} />;
  if (log.isError) {
    return (
      <Alert color="red" role="alert" title={t("securityLog.notLoaded")}>
        {log.error.message}
      </Alert>
    );
  }
  const events = log.data.pages.flatMap((page) => page.items);
  if (events.length === 0) {
    return (
      <Center py="xl">
        <Text c="gray.7">{t("securityLog.noEvents")}</Text>
      </Center>
    );
  }

  return (
    <Stack gap="md">
      <ScrollArea type="auto">
        <Table
          aria-label={t("securityLog.title")}
          striped
          verticalSpacing="xs"
          miw={showPartner ? 960 : 820}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("securityLog.when")}</Table.Th>
              <Table.Th>{t("securityLog.who")}</Table.Th>
              <Table.Th>{t("securityLog.what")}</Table.Th>
              {showPartner && <Table.Th>{t("securityLog.partner")}</Table.Th>}
              <Table.Th>{t("securityLog.address")}</Table.Th>
              <Table.Th>{t("securityLog.details")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(event.at)}</Table.Td>
                <Table.Td>
                  {event.actor ? (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => onFilter({ ...filters, actor: event.actor?.id })}
                      aria-label={t("securityLog.onlyWhatTheyDid", { name: event.actor.name })}
                    >
                      {event.actor.name}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="gray.7">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{describeEvent(event, t)}</Text>
                </Table.Td>
                {showPartner && (
                  <Table.Td>
                    <Text size="sm" c={event.partner ? undefined : "gray.7"}>
                      {event.partner?.name ?? t("securityLog.platform")}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {event.address ?? "—"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Detail event={event} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {log.hasNextPage && (
        <Group justify="center">
          <Button
            variant="light"
            loading={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {t("securityLog.loadMore")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
