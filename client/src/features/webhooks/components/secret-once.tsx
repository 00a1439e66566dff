import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { SecretField } from "../../../components/secret-field.tsx";
import { useT } from "../../../lib/i18n.tsx";

/** The signing secret, shown the one time the API hands it out, with a copy button. */
export function SecretOnce({
  secret,
  rotated,
  onDone,
}: {
  secret: string;
  /** After a rotation: the previous secret still signs for a day. */
  rotated: boolean;
  onDone: () => void;
}) {
  const t = useT();
  return (
    <Stack gap="md">
      <Alert
        color="yellow"
        icon={<IconAlertTriangle size={18} />}
        title={t("webhooks.secret.copyNow")}
      >
        {t("webhooks.secret.onlyOnce")}
        {rotated && (
          <Text size="sm" mt="xs">
            {t("webhooks.secret.rotation")}
          </Text>
        )}
      </Alert>
      <SecretField
        secret={secret}
        label={t("webhooks.secret.label")}
        testId="webhook-secret"
        words={{
          copy: t("webhooks.secret.copy"),
          copied: t("webhooks.secret.copied"),
          copySecret: t("webhooks.secret.copy"),
          secretCopied: t("webhooks.secret.copied"),
        }}
      />
      <Group justify="flex-end">
        <Button onClick={onDone}>{t("webhooks.secret.done")}</Button>
      </Group>
    </Stack>
  );
}
