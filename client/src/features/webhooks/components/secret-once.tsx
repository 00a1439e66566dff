import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Stack,
  Text,
  Tooltip,
} from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
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
      <Group gap="xs" wrap="nowrap">
        <Code
          block
          style={{ flex: 1, whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 14 }}
          aria-label={t("webhooks.secret.label")}
          data-testid="webhook-secret"
        >
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Tooltip
              label={t(copied ? "webhooks.secret.copied" : "webhooks.secret.copy")}
              withArrow
            >
              <ActionIcon
                variant={copied ? "filled" : "light"}
                color={copied ? "teal" : "indigo"}
                size="lg"
                onClick={copy}
                aria-label={t(copied ? "webhooks.secret.copied" : "webhooks.secret.copy")}
              >
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t("webhooks.secret.done")}</Button>
      </Group>
    </Stack>
  );
}
