import { Badge, Button, Code, Group, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { WebhookDelivery } from "@shared/api/webhooks.ts";
import { IconRepeat } from "@tabler/icons-react";
import { useState } from "react";
import { type Column, PagedTable } from "../../../components/paged-table.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { type DeliveryListQuery, useRedeliver, useWebhookDeliveries } from "../api/webhooks.ts";

const STATUS_COLOUR = {
  queued: "gray",
  retrying: "orange",
  delivered: "teal",
  failed: "red",
} as const;

export const DELIVERIES_PAGE_SIZE = 20;

function Attempts({ delivery }: { delivery: WebhookDelivery }) {
  const t = useT();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  if (delivery.attemptLog.length === 0) return <Text size="sm">0</Text>;
  return (
    <Stack gap={4} align="flex-end" style={{ minWidth: 0 }}>
      <Button
        size="compact-xs"
        variant="subtle"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {open
          ? t("webhooks.deliveries.hideAttempts")
          : t("webhooks.deliveries.showAttempts", { count: delivery.attemptLog.length })}
      </Button>
      {open && (
        <Table
          withTableBorder
          fz="xs"
          verticalSpacing={4}
          aria-label={t("webhooks.deliveries.attempts")}
        >
          <Table.Tbody>
            {delivery.attemptLog.map((attempt) => (
              <Table.Tr key={attempt.attemptedAt}>
                <Table.Td>{format.dateTime(attempt.attemptedAt)}</Table.Td>
                <Table.Td>
                  {attempt.statusCode === null
                    ? (attempt.error ?? t("webhooks.attempt.noAnswer"))
                    : t("webhooks.attempt.status", { status: attempt.statusCode })}
                </Table.Td>
                <Table.Td>{t("webhooks.attempt.duration", { ms: attempt.durationMs })}</Table.Td>
                <Table.Td style={{ maxWidth: 240 }}>
                  {attempt.responseExcerpt && (
                    <Code
                      style={{ wordBreak: "break-all" }}
                      aria-label={t("webhooks.attempt.response")}
                    >
                      {attempt.responseExcerpt}
                    </Code>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** An endpoint's deliveries with their attempts, and a way to send one again. */
export function DeliveriesTable({
  endpointId,
  endpointEnabled,
  query,
  onPageChange,
}: {
  endpointId: string;
  /** A disabled endpoint's redeliveries wait until it is enabled. */
  endpointEnabled: boolean;
  query: DeliveryListQuery;
  onPageChange: (page: number) => void;
}) {
  const t = useT();
  const format = useFormat();
  const result = useWebhookDeliveries(endpointId, query);
  const redeliver = useRedeliver();

  const columns: Column<WebhookDelivery>[] = [
    {
      key: "event",
      header: t("webhooks.deliveries.event"),
      render: (d) => (
        <Stack gap={0} align="flex-start">
          <Text size="sm" fw={500}>
            {t(`webhooks.event.${d.event.type}`)}
          </Text>
          <Code fz="xs">{d.event.id}</Code>
        </Stack>
      ),
    },
    {
      key: "occurred",
      header: t("webhooks.deliveries.when"),
      render: (d) => <Text size="sm">{format.dateTime(d.event.occurredAt)}</Text>,
    },
    {
      key: "status",
      header: t("webhooks.deliveries.status"),
      render: (d) => (
        <Stack gap={2} align="flex-start">
          <Badge color={STATUS_COLOUR[d.status]} variant="light" radius="sm">
            {t(`webhooks.deliveryStatus.${d.status}`)}
          </Badge>
          {d.nextAttemptAt && (
            <Text size="xs" c="gray.7">
              {t("webhooks.deliveries.nextAttempt", { date: format.dateTime(d.nextAttemptAt) })}
            </Text>
          )}
          {d.deliveredAt && (
            <Text size="xs" c="gray.7">
              {t("webhooks.deliveries.deliveredAt", { date: format.dateTime(d.deliveredAt) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "attempts",
      header: t("webhooks.deliveries.attempts"),
      render: (d) => <Attempts delivery={d} />,
    },
    {
      key: "actions",
      header: t("common.actions"),
      actions: true,
      align: "right",
      render: (d) =>
        d.status === "delivered" || d.status === "failed" ? (
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRepeat size={14} />}
              aria-label={t("webhooks.deliveries.redeliverFor", {
                event: `${t(`webhooks.event.${d.event.type}`)} ${format.dateTime(d.event.occurredAt)}`,
              })}
              loading={redeliver.isPending && redeliver.variables?.deliveryId === d.id}
              onClick={() =>
                redeliver.mutate(
                  { endpointId, deliveryId: d.id },
                  {
                    onSuccess: () =>
                      notifications.show({
                        color: "green",
                        message: t(
                          endpointEnabled
                            ? "webhooks.deliveries.redelivered"
                            : "webhooks.deliveries.redeliveredWhenEnabled",
                        ),
                      }),
                  },
                )
              }
            >
              {t("webhooks.deliveries.redeliver")}
            </Button>
          </Group>
        ) : null,
    },
  ];

  return (
    <PagedTable
      label={t("webhooks.deliveries.title")}
      columns={columns}
      result={result}
      rowKey={(d) => d.id}
      empty={t("webhooks.deliveries.empty")}
      page={query.page}
      onPageChange={onPageChange}
    />
  );
}
