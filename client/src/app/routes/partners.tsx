import { Button, Group, SegmentedControl, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { PartnerListQuery } from "@shared/api/partners.ts";
import { IconBuildingPlus } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { SearchInput } from "../../components/search-input.tsx";
import {
  PartnerFormModal,
  PartnersTable,
  useCreatePartner,
} from "../../features/partners/index.ts";
import { useListParams } from "../../hooks/use-list-params.ts";
import { useT } from "../../lib/i18n.tsx";

type StatusFilter = "all" | NonNullable<PartnerListQuery["status"]>;

export function PartnersRoute() {
  const t = useT();
  const list = useListParams<{ status: StatusFilter }>({ status: "all" });
  const [creating, { open, close }] = useDisclosure(false);
  const create = useCreatePartner();
  const navigate = useNavigate();

  return (
    <>
      <PageHeader
        title={t("partners.title")}
        description={t("partners.description")}
        actions={
          <Button leftSection={<IconBuildingPlus size={16} />} onClick={open}>
            {t("partners.newPartner")}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm">
          <SearchInput
            label={t("partners.search")}
            placeholder={t("partners.searchPlaceholder")}
            value={list.search}
            onChange={list.setSearch}
          />
          <SegmentedControl
            aria-label={t("partners.show")}
            value={list.filters.status}
            onChange={(status) => list.setFilters({ status: status as StatusFilter })}
            data={[
              { value: "all", label: t("partners.all") },
              { value: "active", label: t("partners.active") },
              { value: "suspended", label: t("partners.suspended") },
            ]}
          />
        </Group>
        <PartnersTable
          q={list.q}
          status={list.filters.status === "all" ? undefined : list.filters.status}
          page={list.page}
          onPageChange={list.setPage}
        />
      </Stack>
      <PartnerFormModal
        opened={creating}
        onClose={close}
        pending={create.isPending}
        save={(body, callbacks) =>
          create.mutate(body, {
            onSuccess: (partner) => {
              notifications.show({
                color: "green",
                message: t("partners.created", { name: partner.name }),
              });
              callbacks.onSuccess();
              void navigate(`/staff/partners/${partner.id}`);
            },
            onError: callbacks.onError,
          })
        }
      />
    </>
  );
}
