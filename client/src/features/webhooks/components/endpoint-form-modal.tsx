import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  changeWebhookEndpointBody,
  createWebhookEndpointBody,
  type WebhookEndpoint,
} from "@shared/api/webhooks.ts";
import { EVENT_TYPES, type EventType } from "@shared/domain/events.ts";
import { type FormEvent, useState } from "react";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { useT } from "../../../lib/i18n.tsx";
import { notifyError } from "../../../lib/query-client.ts";
import { formErrorsOf } from "../../../lib/zod-form.ts";
import { useChangeWebhookEndpoint, useCreateWebhookEndpoint } from "../api/webhooks.ts";
import { SecretOnce } from "./secret-once.tsx";

interface EndpointFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The endpoint to edit; none to add one. */
  endpoint?: WebhookEndpoint | undefined;
}

/** Adds an endpoint (then shows its secret once) or edits one's URL, description and events. */
export function EndpointFormModal({ opened, onClose, endpoint }: EndpointFormModalProps) {
  const t = useT();
  const [url, setUrl] = useState(endpoint?.url ?? "");
  const [description, setDescription] = useState(endpoint?.description ?? "");
  const [eventTypes, setEventTypes] = useState<EventType[]>(endpoint?.eventTypes ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const create = useCreateWebhookEndpoint();
  const change = useChangeWebhookEndpoint();

  const close = () => {
    setUrl(endpoint?.url ?? "");
    setDescription(endpoint?.description ?? "");
    setEventTypes(endpoint?.eventTypes ?? []);
    setErrors({});
    setSecret(null);
    onClose();
  };

  const refused = (error: Error) => {
    const fields = error instanceof ApiError ? fieldErrorsOf(error, "body.") : {};
    const own = error instanceof ApiError ? fieldErrorsOf(error) : {};
    const found = Object.keys(fields).length > 0 ? fields : own;
    if (Object.keys(found).length > 0) setErrors(found);
    else notifyError(error);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { url, description, eventTypes };
    if (endpoint) {
      const checked = changeWebhookEndpointBody.safeParse(input);
      if (!checked.success) return setErrors(formErrorsOf(checked.error));
      setErrors({});
      change.mutate(
        { id: endpoint.id, change: checked.data },
        {
          onSuccess: () => {
            notifications.show({ color: "green", message: t("webhooks.edit.done") });
            close();
          },
          onError: refused,
        },
      );
      return;
    }
    const checked = createWebhookEndpointBody.safeParse(input);
    if (!checked.success) return setErrors(formErrorsOf(checked.error));
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: (created) => setSecret(created.secret),
      onError: refused,
    });
  };

  const title = secret
    ? t("webhooks.created.title")
    : endpoint
      ? t("webhooks.edit.title")
      : t("webhooks.add");

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      size="lg"
      centered
      closeOnClickOutside={!secret}
    >
      {secret ? (
        <SecretOnce secret={secret} rotated={false} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t("webhooks.url")}
              description={t("webhooks.urlDescription")}
              placeholder="https://hooks.example.com/wattfolio"
              type="url"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={errors.url}
              required
              data-autofocus
            />
            <TextInput
              label={t("webhooks.description")}
              description={t("webhooks.descriptionHint")}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors.description}
            />
            <Checkbox.Group
              label={t("webhooks.events")}
              description={t("webhooks.eventsDescription")}
              value={eventTypes}
              onChange={(value) => setEventTypes(value as EventType[])}
              error={errors.eventTypes ?? errors["eventTypes.0"]}
              required
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {EVENT_TYPES.map((type) => (
                  <Checkbox key={type} value={type} label={t(`webhooks.event.${type}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={create.isPending || change.isPending}>
                {endpoint ? t("common.save") : t("webhooks.create.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
