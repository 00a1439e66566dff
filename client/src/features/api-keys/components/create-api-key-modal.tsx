import { Alert, Button, Code, Group, Modal, Radio, Stack, Text, TextInput } from "@mantine/core";
import { type CreatedApiKey, createApiKeyBody } from "@shared/api/api-keys.ts";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { FormattedMessage } from "react-intl";
import { SecretField } from "../../../components/secret-field.tsx";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { useT } from "../../../lib/i18n.tsx";
import { notifyError } from "../../../lib/query-client.ts";
import { formErrorsOf } from "../../../lib/zod-form.ts";
import { AccountPicker } from "../../account-management/index.ts";
import { useCreateApiKey } from "../api/api-keys.ts";

function SecretOnce({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const t = useT();
  return (
    <Stack gap="md">
      <Alert
        color="yellow"
        icon={<IconAlertTriangle size={18} />}
        title={t("apiKeys.created.copyNow")}
      >
        {t("apiKeys.created.onlyOnce")}
      </Alert>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t("apiKeys.created.secretOf", { name: created.key.name })}
        </Text>
        <SecretField
          secret={created.secret}
          label={t("apiKeys.created.secretLabel")}
          testId="api-key-secret"
          words={{
            copy: t("apiKeys.created.copy"),
            copied: t("apiKeys.created.copied"),
            copySecret: t("apiKeys.created.copySecret"),
            secretCopied: t("apiKeys.created.secretCopied"),
          }}
        />
        <Text size="xs" c="dimmed">
          <FormattedMessage
            id="apiKeys.created.howToSend"
            values={{
              header: `Authorization: Bearer <${t("apiKeys.created.secretPlaceholder")}>`,
              code: (chunks) => <Code>{chunks}</Code>,
            }}
          />
        </Text>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t("apiKeys.created.done")}</Button>
      </Group>
    </Stack>
  );
}

interface CreateApiKeyModalProps {
  opened: boolean;
  onClose: () => void;
  /** Customer Success makes platform-wide keys; a SuperAdmin chooses all accounts or one. */
  platformWide: boolean;
}

export function CreateApiKeyModal({ opened, onClose, platformWide }: CreateApiKeyModalProps) {
  const t = useT();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"partner" | "account">("partner");
  const [accountId, setAccountId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const create = useCreateApiKey();

  const close = () => {
    setName("");
    setScope("partner");
    setAccountId(null);
    setErrors({});
    setCreated(null);
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!platformWide && scope === "account" && !accountId) {
      setErrors({ accountId: t("apiKeys.create.chooseAccount") });
      return;
    }
    const checked = createApiKeyBody.safeParse({
      name,
      accountId: platformWide || scope === "partner" ? null : accountId,
    });
    if (!checked.success) {
      setErrors(formErrorsOf(checked.error));
      return;
    }
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: setCreated,
      onError: (error) => {
        const fields = error instanceof ApiError ? fieldErrorsOf(error, "body.") : {};
        if (Object.keys(fields).length > 0) setErrors(fields);
        else notifyError(error);
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t(created ? "apiKeys.created.title" : "apiKeys.create")}
      size="lg"
      centered
      closeOnClickOutside={!created}
    >
      {created ? (
        <SecretOnce created={created} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t("apiKeys.name")}
              description={t("apiKeys.create.nameDescription")}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              data-autofocus
            />
            {platformWide ? (
              <Text size="sm" c="dimmed">
                {t("apiKeys.create.platformWide")}
              </Text>
            ) : (
              <>
                <Radio.Group
                  label={t("apiKeys.scope")}
                  value={scope}
                  onChange={(value) => setScope(value as "partner" | "account")}
                >
                  <Stack gap="xs" mt={6}>
                    <Radio value="partner" label={t("apiKeys.create.scopePartner")} />
                    <Radio value="account" label={t("apiKeys.scope.account")} />
                  </Stack>
                </Radio.Group>
                {scope === "account" && (
                  <AccountPicker
                    value={accountId}
                    onChange={setAccountId}
                    error={errors.accountId}
                  />
                )}
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t("apiKeys.create.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
