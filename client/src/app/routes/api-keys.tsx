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
import { useT } from "../../lib/i18n.tsx";

export function ApiKeysRoute() {
  const t = useT();
  const me = useMe();
  const [status, setStatus] = useState<KeyStatusFilter>("all");
  const [paging, setPaging] = useState({ status, page: 1 });
  const page = paging.status === status ? paging.page : 1;
  const [creating, { open, close }] = useDisclosure(false);
  const platformWide = me.role === "customer_success";

  return (
    <>
      <PageHeader
        title={t("apiKeys.title")}
        description={
          platformWide
            ? t("apiKeys.page.descriptionPlatform")
            : me.partner
              ? t("apiKeys.page.descriptionPartner", { partner: me.partner.name })
              : t("apiKeys.page.descriptionPortfolio")
        }
        actions={
          <Button leftSection={<IconKey size={16} />} onClick={open}>
            {t("apiKeys.create")}
          </Button>
        }
      />
      <Stack gap="md">
        <Group>
          <SegmentedControl
            aria-label={t("apiKeys.filter.label")}
            value={status}
            onChange={(value) => setStatus(value as KeyStatusFilter)}
            data={[
              { value: "all", label: t("apiKeys.filter.all") },
              { value: "active", label: t("apiKeys.status.active") },
              { value: "revoked", label: t("apiKeys.status.revoked") },
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
