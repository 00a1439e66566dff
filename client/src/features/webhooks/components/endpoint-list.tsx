import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { WebhookEndpoint } from "@shared/api/webhooks.ts";
import {
  IconEdit,
  IconInbox,
  IconKey,
  IconList,
  IconPlayerPause,
  IconPlayerPlay,
  IconTrash,
} from "@tabler/icons-react";
import { useId, useState } from "react";
import { Link } from "react-router";
import { ConfirmModal } from "../../../components/confirm-modal.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import {
  useChangeWebhookEndpoint,
  useDeleteWebhookEndpoint,
  useRotateWebhookSecret,
  useWebhookEndpoints,
} from "../api/webhooks.ts";
import { EndpointFormModal } from "./endpoint-form-modal.tsx";
import { SecretOnce } from "./secret-once.tsx";

function StatusBadge({ endpoint }: { endpoint: WebhookEndpoint }) {
  const t = useT();
  if (endpoint.enabled) {
    return (
      <Badge color="teal" variant="light" radius="sm">
        {t("webhooks.status.enabled")}
      </Badge>
    );
  }
  return endpoint.disabledReason === "failing" ? (
    <Badge color="red" variant="light" radius="sm">
      {t("webhooks.status.failing")}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" radius="sm">
      {t("webhooks.status.disabled")}
    </Badge>
  );
}

type Dialog =
  | { kind: "edit"; endpoint: WebhookEndpoint }
  | { kind: "rotate"; endpoint: WebhookEndpoint }
  | { kind: "secret"; secret: string }
  | { kind: "delete"; endpoint: WebhookEndpoint };

function EndpointCard({
  endpoint,
  showPartner,
  open,
}: {
  endpoint: WebhookEndpoint;
  showPartner: boolean;
  open: (dialog: Dialog) => void;
}) {
  const t = useT();
  const format = useFormat();
  const headingId = useId();
  const change = useChangeWebhookEndpoint();
  const toggle = () =>
    change.mutate(
      { id: endpoint.id, change: { enabled: !endpoint.enabled } },
      {
        onSuccess: (changed) =>
          notifications.show({
            color: "green",
            message: t(changed.enabled ? "webhooks.enabled.done" : "webhooks.disabled.done"),
          }),
      },
    );
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ flex: "1 1 16rem", minWidth: 0 }}>
            <Title
              id={headingId}
              order={2}
              size="h5"
              style={{ wordBreak: "break-all" }}
              ff="monospace"
            >
              {endpoint.url}
            </Title>
            {endpoint.description && <Text size="sm">{endpoint.description}</Text>}
            <Text size="xs" c="gray.7">
              {showPartner && `${endpoint.partner?.name ?? t("webhooks.platformWide")} · `}
              {t("webhooks.createdBy", {
                name: endpoint.createdBy.name,
                date: format.dateTime(endpoint.createdAt),
              })}
            </Text>
          </Stack>
          <StatusBadge endpoint={endpoint} />
        </Group>
        <Group gap={6} aria-label={t("webhooks.events")} role="list">
          {endpoint.eventTypes.map((type) => (
            <Badge
              key={type}
              variant="outline"
              color="indigo"
              radius="sm"
              tt="none"
              role="listitem"
            >
              {t(`webhooks.event.${type}`)}
            </Badge>
          ))}
        </Group>
        {endpoint.consecutiveFailures > 0 && (
          <Text size="sm" c="red.8">
            {t("webhooks.failures", { count: endpoint.consecutiveFailures })}
          </Text>
        )}
        {endpoint.previousSecretExpiresAt && (
          <Text size="sm" c="gray.7">
            {t("webhooks.rotating", { date: format.dateTime(endpoint.previousSecretExpiresAt) })}
          </Text>
        )}
        <Group gap="xs" mt={4}>
          <Button
            component={Link}
            to={`/webhooks/${endpoint.id}`}
            size="xs"
            variant="light"
            leftSection={<IconList size={14} />}
            aria-label={t("webhooks.action.deliveriesFor", { url: endpoint.url })}
          >
            {t("webhooks.action.deliveries")}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconEdit size={14} />}
            aria-describedby={headingId}
            onClick={() => open({ kind: "edit", endpoint })}
          >
            {t("webhooks.action.edit")}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={
              endpoint.enabled ? <IconPlayerPause size={14} /> : <IconPlayerPlay size={14} />
            }
            aria-describedby={headingId}
            loading={change.isPending}
            onClick={toggle}
          >
            {t(endpoint.enabled ? "webhooks.action.disable" : "webhooks.action.enable")}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconKey size={14} />}
            aria-describedby={headingId}
            onClick={() => open({ kind: "rotate", endpoint })}
          >
            {t("webhooks.action.rotate")}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            aria-describedby={headingId}
            onClick={() => open({ kind: "delete", endpoint })}
          >
            {t("webhooks.action.delete")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The endpoints as cards (one column on a phone), each with what can be done to it. */
export function EndpointList({ showPartner }: { showPartner: boolean }) {
  const t = useT();
  const { data, isPending } = useWebhookEndpoints();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhookEndpoint();
  const close = () => setDialog(null);

  if (isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t("webhooks.title")} />
      </Center>
    );
  }
  return (
    <>
      {!data || data.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Stack align="center" gap={4}>
            <IconInbox size={32} stroke={1.2} color="var(--mantine-color-gray-5)" />
            <Text c="gray.7">{t("webhooks.empty")}</Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="sm">
          {data.map((endpoint) => (
            <EndpointCard
              key={endpoint.id}
              endpoint={endpoint}
              showPartner={showPartner}
              open={setDialog}
            />
          ))}
        </Stack>
      )}
      {dialog?.kind === "edit" && (
        <EndpointFormModal opened onClose={close} endpoint={dialog.endpoint} />
      )}
      <ConfirmModal
        opened={dialog?.kind === "rotate"}
        title={t("webhooks.rotate.title")}
        confirmLabel={t("webhooks.rotate.confirm")}
        loading={rotate.isPending}
        onClose={close}
        onConfirm={() =>
          dialog?.kind === "rotate" &&
          rotate.mutate(dialog.endpoint.id, {
            onSuccess: (rotated) => setDialog({ kind: "secret", secret: rotated.secret }),
          })
        }
      >
        {t("webhooks.rotate.body")}
      </ConfirmModal>
      <Modal
        opened={dialog?.kind === "secret"}
        onClose={close}
        title={t("webhooks.rotated.title")}
        size="lg"
        centered
        closeOnClickOutside={false}
      >
        {dialog?.kind === "secret" && <SecretOnce secret={dialog.secret} rotated onDone={close} />}
      </Modal>
      <ConfirmModal
        opened={dialog?.kind === "delete"}
        title={t("webhooks.delete.title")}
        confirmLabel={t("webhooks.delete.confirm")}
        danger
        loading={remove.isPending}
        onClose={close}
        onConfirm={() =>
          dialog?.kind === "delete" &&
          remove.mutate(dialog.endpoint.id, {
            onSuccess: () => {
              notifications.show({ color: "green", message: t("webhooks.delete.done") });
              close();
            },
          })
        }
      >
        {dialog?.kind === "delete" && t("webhooks.delete.body", { url: dialog.endpoint.url })}
      </ConfirmModal>
    </>
  );
}
