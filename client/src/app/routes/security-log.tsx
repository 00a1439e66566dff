import { Button, Group, Select, Stack } from "@mantine/core";
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from "@shared/domain/security-log.ts";
import { IconX } from "@tabler/icons-react";
import { useState } from "react";
import { PageHeader } from "../../components/page-header.tsx";
import { useMe } from "../../features/auth/index.ts";
import {
  KIND_OPTIONS,
  type SecurityLogFilters,
  SecurityLogTable,
} from "../../features/security-log/index.ts";

const kindOf = (value: string | null): SecurityEventKind | undefined =>
  SECURITY_EVENT_KINDS.find((kind) => kind === value);

export function SecurityLogRoute() {
  const me = useMe();
  const [filters, setFilters] = useState<SecurityLogFilters>({});
  const everyPartner = me.role === "customer_success";

  return (
    <>
      <PageHeader
        title="Security log"
        description={
          everyPartner
            ? "Sign-ins, invitations, roles, access, passwords, API keys and rule changes of every partner and of the platform."
            : `Sign-ins, invitations, roles, access, passwords and API keys of ${me.partner?.name ?? "your partner"}.`
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="What"
            placeholder="Every kind of event"
            data={KIND_OPTIONS}
            value={filters.kind ?? null}
            onChange={(value) => setFilters({ ...filters, kind: kindOf(value) })}
            clearable
            searchable
            w={{ base: "100%", xs: 280 }}
          />
          {filters.actor && (
            <Button
              variant="light"
              rightSection={<IconX size={14} />}
              onClick={() => setFilters({ ...filters, actor: undefined })}
            >
              Everyone, not one person
            </Button>
          )}
          {filters.partnerId && (
            <Button
              variant="light"
              rightSection={<IconX size={14} />}
              onClick={() => setFilters({ ...filters, partnerId: undefined })}
            >
              Every partner, not one
            </Button>
          )}
        </Group>
        <SecurityLogTable filters={filters} showPartner={everyPartner} onFilter={setFilters} />
      </Stack>
    </>
  );
}
