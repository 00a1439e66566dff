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

type StatusFilter = "all" | NonNullable<PartnerListQuery["status"]>;

export function PartnersRoute() {
  const list = useListParams<{ status: StatusFilter }>({ status: "all" });
  const [creating, { open, close }] = useDisclosure(false);
  const create = useCreatePartner();
  const navigate = useNavigate();

  return (
    <>
      <PageHeader
        title="Partners"
        description="The companies that resell Wattfolio: where they are, their status, and their people and accounts."
        actions={
          <Button leftSection={<IconBuildingPlus size={16} />} onClick={open}>
            New partner
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm">
          <SearchInput
            label="Search partners"
            placeholder="Search by name"
            value={list.search}
            onChange={list.setSearch}
          />
          <SegmentedControl
            aria-label="Show partners"
            value={list.filters.status}
            onChange={(status) => list.setFilters({ status: status as StatusFilter })}
            data={[
              { value: "all", label: "All" },
              { value: "active", label: "Active" },
              { value: "suspended", label: "Suspended" },
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
                message: `${partner.name} created: invite its first SuperAdmin next.`,
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
