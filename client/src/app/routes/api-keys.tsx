import { Button, Group, SegmentedControl, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconKey } from "@tabler/icons-react";
import { useState } from "react";
import { PageHeader } from "../../components/page-header.tsx";
import {
  ApiKeysTable,
  CreateApiKeyModal,
  type KeyStatusFilter,
} from "../../features/api-keys/index.ts";
import { useMe } from "../../features/auth/index.ts";

export function ApiKeysRoute() {
  const me = useMe();
  const [status, setStatus] = useState<KeyStatusFilter>("all");
  const [paging, setPaging] = useState({ status, page: 1 });
  const page = paging.status === status ? paging.page : 1;
  const [creating, { open, close }] = useDisclosure(false);
  const platformWide = me.role === "customer_success";

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          platformWide
            ? "Platform-wide keys the rest of the platform uses to register datapoints and spend SMS credits."
            : `Keys your integrations use to register datapoints and spend SMS credits for the accounts of ${me.partner?.name ?? "your portfolio"}.`
        }
        actions={
          <Button leftSection={<IconKey size={16} />} onClick={open}>
            Create an API key
          </Button>
        }
      />
      <Stack gap="md">
        <Group>
          <SegmentedControl
            aria-label="Show keys"
            value={status}
            onChange={(value) => setStatus(value as KeyStatusFilter)}
            data={[
              { value: "all", label: "All" },
              { value: "active", label: "Active" },
              { value: "revoked", label: "Revoked" },
            ]}
          />
        </Group>
        <ApiKeysTable
          status={status}
          page={page}
          onPageChange={(next) => setPaging({ status, page: next })}
        />
      </Stack>
      <CreateApiKeyModal opened={creating} onClose={close} platformWide={platformWide} />
    </>
  );
}
