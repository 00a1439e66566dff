import { Badge, Button, Code, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ApiKey } from "@shared/api/api-keys.ts";
import { IconBan } from "@tabler/icons-react";
import { useState } from "react";
import { FormattedMessage } from "react-intl";
import { AccountLink } from "../../../components/account-link.tsx";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useApiKeys, useRevokeApiKey } from "../api/api-keys.ts";

export type KeyStatusFilter = "all" | "active" | "revoked";

function Scope({ apiKey }: { apiKey: ApiKey }) {
  const t = useT();
  if (apiKey.scope === "platform") return <Text size="sm">{t("apiKeys.scope.platform")}</Text>;
  if (apiKey.scope === "partner") {
    return (
      <Stack gap={0}>
        <Text size="sm">{t("apiKeys.scope.partner")}</Text>
        <Text size="xs" c="dimmed">
          {apiKey.partner?.name}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {t("apiKeys.scope.account")}
      </Text>
      {apiKey.account && <AccountLink account={apiKey.account} />}
    </Stack>
  );
}

function When({ at, by, none }: { at: string | null; by?: string | undefined; none: string }) {
  const t = useT();
  const format = useFormat();
  if (!at) {
    return (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm">{format.dateTime(at)}</Text>
      {by && (
        <Text size="xs" c="dimmed">
          {t("apiKeys.table.by", { name: by })}
        </Text>
      )}
    </Stack>
  );
}

interface ApiKeysTableProps {
  status: KeyStatusFilter;
  page: number;
  onPageChange: (page: number) => void;
}

/** The keys, active and revoked, with what each reaches and when it was last used. */
export function ApiKeysTable({ status, page, onPageChange }: ApiKeysTableProps) {
  const t = useT();
  const result = useApiKeys({
    status: status === "all" ? undefined : status,
    page,
    pageSize: PAGE_SIZE,
  });
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useRevokeApiKey();

  const confirm = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: (key) => {
        notifications.show({
          color: "green",
          message: t("apiKeys.revoke.done", { name: key.name }),
        });
        setRevoking(null);
      },
    });
  };

  const columns: Column<ApiKey>[] = [
    {
      key: "name",
      header: t("apiKeys.name"),
      render: (key) => (
        <Text size="sm" fw={500}>
          {key.name}
        </Text>
      ),
    },
    {
      key: "status",
      header: t("apiKeys.table.status"),
      render: (key) =>
        key.revokedAt ? (
          <Badge color="gray" variant="light" radius="sm">
            {t("apiKeys.status.revoked")}
          </Badge>
        ) : (
          <Badge color="teal" variant="light" radius="sm">
            {t("apiKeys.status.active")}
          </Badge>
        ),
    },
    { key: "scope", header: t("apiKeys.scope"), render: (key) => <Scope apiKey={key} /> },
    {
      key: "shownPart",
      header: t("apiKeys.table.key"),
      render: (key) => <Code>{key.shownPart}…</Code>,
    },
    {
      key: "created",
      header: t("apiKeys.table.created"),
      render: (key) => <When at={key.createdAt} by={key.createdBy.name} none="" />,
    },
    {
      key: "lastUsed",
      header: t("apiKeys.table.lastUsed"),
      render: (key) => <When at={key.lastUsedAt} none={t("apiKeys.table.never")} />,
    },
    {
      key: "revoked",
      header: t("apiKeys.status.revoked"),
      render: (key) => <When at={key.revokedAt} by={key.revokedBy?.name} none="—" />,
    },
    {
      key: "actions",
      header: t("common.actions"),
      actions: true,
      align: "right",
      render: (key) =>
        key.revokedAt ? null : (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconBan size={14} />}
            aria-label={t("apiKeys.revoke.buttonFor", { name: key.name })}
            onClick={() => setRevoking(key)}
          >
            {t("apiKeys.revoke.button")}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PagedTable
        label={t("apiKeys.title")}
        columns={columns}
        result={result}
        rowKey={(key) => key.id}
        empty={t(status === "revoked" ? "apiKeys.table.emptyRevoked" : "apiKeys.table.empty")}
        page={page}
        onPageChange={onPageChange}
      />
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t("apiKeys.revoke.title")}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            <FormattedMessage
              id="apiKeys.revoke.body"
              values={{
                name: revoking?.name ?? "",
                shownPart: revoking?.shownPart ?? "",
                b: (chunks) => <b>{chunks}</b>,
                code: (chunks) => <Code>{chunks}</Code>,
              }}
            />
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t("common.cancel")}
            </Button>
            <Button color="red" onClick={confirm} loading={revoke.isPending}>
              {t("apiKeys.revoke.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
