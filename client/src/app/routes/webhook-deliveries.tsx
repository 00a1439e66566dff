import { Group, SegmentedControl, Stack } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import {
  DELIVERIES_PAGE_SIZE,
  DeliveriesTable,
  useWebhookEndpoint,
} from "../../features/webhooks/index.ts";
import { useT } from "../../lib/i18n.tsx";

type StatusFilter = "all" | "queued" | "retrying" | "delivered" | "failed";

export function WebhookDeliveriesRoute() {
  const t = useT();
  const { id = "" } = useParams();
  const endpoint = useWebhookEndpoint(id);
  const [status, setStatus] = useState<StatusFilter>("all");
  const [paging, setPaging] = useState({ status, page: 1 });
  const page = paging.status === status ? paging.page : 1;
  return (
    <>
      <PageHeader
        title={t("webhooks.deliveries.title")}
        description={
          endpoint.data ? t("webhooks.deliveries.of", { url: endpoint.data.url }) : undefined
        }
        back={{ to: "/webhooks", label: t("webhooks.deliveries.back") }}
      />
      <Stack gap="md">
        <Group>
          <SegmentedControl
            aria-label={t("webhooks.deliveries.filter")}
            value={status}
            onChange={(value) => setStatus(value as StatusFilter)}
            data={[
              { value: "all", label: t("webhooks.deliveries.all") },
              { value: "retrying", label: t("webhooks.deliveryStatus.retrying") },
              { value: "failed", label: t("webhooks.deliveryStatus.failed") },
              { value: "delivered", label: t("webhooks.deliveryStatus.delivered") },
            ]}
          />
        </Group>
        <DeliveriesTable
          endpointId={id}
          endpointEnabled={endpoint.data?.enabled ?? true}
          query={{
            status: status === "all" ? undefined : status,
            page,
            pageSize: DELIVERIES_PAGE_SIZE,
          }}
          onPageChange={(next) => setPaging({ status, page: next })}
        />
      </Stack>
    </>
  );
}
