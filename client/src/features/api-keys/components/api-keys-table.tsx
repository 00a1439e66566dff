import { Badge, Button, Code, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ApiKey } from "@shared/api/api-keys.ts";
import { IconBan } from "@tabler/icons-react";
import { useState } from "react";
import { AccountLink } from "../../../components/account-link.tsx";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useApiKeys, useRevokeApiKey } from "../api/api-keys.ts";

export type KeyStatusFilter = "all" | "active" | "revoked";

function Scope({ apiKey }: { apiKey: ApiKey }) {
  if (apiKey.scope === "platform") return <Text size="sm">Platform-wide</Text>;
  if (apiKey.scope === "partner") {
    return (
      <Stack gap={0}>
        <Text size="sm">All accounts</Text>
        <Text size="xs" c="dimmed">
          {apiKey.partner?.name}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        One account
      </Text>
      {apiKey.account && <AccountLink account={apiKey.account} />}
    </Stack>
  );
}

function When({ at, by, none }: { at: string | null; by?: string | undefined; none: string }) {
  if (!at) {
    return (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm">{formatDateTime(at)}</Text>
      {by && (
        <Text size="xs" c="dimmed">
          by {by}
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
          message: `API key "${key.name}" revoked: integrations using it are refused from now on`,
        });
        setRevoking(null);
      },
    });
  };

  const columns: Column<ApiKey>[] = [
    {
      key: "name",
      header: "Name",
      render: (key) => (
        <Text size="sm" fw={500}>
          {key.name}
        </Text>
      ),
    },
    {
      key: "status",
      header: "Status",
      render: (key) =>
        key.revokedAt ? (
          <Badge color="gray" variant="light" radius="sm">
            Revoked
          </Badge>
        ) : (
          <Badge color="teal" variant="light" radius="sm">
            Active
          </Badge>
        ),
    },
    { key: "scope", header: "Scope", render: (key) => <Scope apiKey={key} /> },
    {
      key: "shownPart",
      header: "Key",
      render: (key) => <Code>{key.shownPart}…</Code>,
    },
    {
      key: "created",
      header: "Created",
      render: (key) => <When at={key.createdAt} by={key.createdBy.name} none="" />,
    },
    {
      key: "lastUsed",
      header: "Last used",
      render: (key) => <When at={key.lastUsedAt} none="Never" />,
    },
    {
      key: "revoked",
      header: "Revoked",
      render: (key) => <When at={key.revokedAt} by={key.revokedBy?.name} none="—" />,
    },
    {
      key: "actions",
      header: "",
      align: "right",
      render: (key) =>
        key.revokedAt ? null : (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconBan size={14} />}
            aria-label={`Revoke ${key.name}`}
            onClick={() => setRevoking(key)}
          >
            Revoke
          </Button>
        ),
    },
  ];

  return (
    <>
      <PagedTable
        label="API keys"
        columns={columns}
        result={result}
        rowKey={(key) => key.id}
        empty={status === "revoked" ? "No revoked API keys." : "No API keys yet."}
        page={page}
        onPageChange={onPageChange}
      />
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke this API key?"
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            Integrations using <b>{revoking?.name}</b> (<Code>{revoking?.shownPart}…</Code>) are
            refused within seconds. A revoked key cannot be used again; create a new one if needed.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={revoke.isPending}>
              Revoke key
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
