import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { type CreatedApiKey, createApiKeyBody } from "@shared/api/api-keys.ts";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { notifyError } from "../../../lib/query-client.ts";
import { formErrorsOf } from "../../../lib/zod-form.ts";
import { AccountPicker } from "../../account-management/index.ts";
import { useCreateApiKey } from "../api/api-keys.ts";

function SecretOnce({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Copy the secret now">
        This is the only time it is shown: Wattfolio keeps only a hash of it. Store it in your
        integration's secret store; if it is lost, revoke this key and create another.
      </Alert>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Secret of {created.key.name}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code
            block
            style={{ flex: 1, wordBreak: "break-all", fontSize: 14 }}
            aria-label="API key secret"
            data-testid="api-key-secret"
          >
            {created.secret}
          </Code>
          <CopyButton value={created.secret}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? "Copied" : "Copy"} withArrow>
                <ActionIcon
                  variant={copied ? "filled" : "light"}
                  color={copied ? "teal" : "indigo"}
                  size="lg"
                  onClick={copy}
                  aria-label={copied ? "Secret copied" : "Copy secret"}
                >
                  {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          Integrations send it as <Code>Authorization: Bearer &lt;secret&gt;</Code> to the usage
          API.
        </Text>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={onDone}>I have copied the secret</Button>
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
      setErrors({ accountId: "Choose the account this key reaches" });
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
      title={created ? "API key created" : "Create an API key"}
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
              label="Name"
              description="Say which integration uses it, e.g. Metering gateway (production)"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              data-autofocus
            />
            {platformWide ? (
              <Text size="sm" c="dimmed">
                Customer Success keys are platform-wide: they reach every account of every partner.
              </Text>
            ) : (
              <>
                <Radio.Group
                  label="Scope"
                  value={scope}
                  onChange={(value) => setScope(value as "partner" | "account")}
                >
                  <Stack gap="xs" mt={6}>
                    <Radio value="partner" label="All accounts of the portfolio" />
                    <Radio value="account" label="One account" />
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
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
