import { Button, Group, Select, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from "@shared/domain/security-log.ts";
import { IconX } from "@tabler/icons-react";
import { useState } from "react";
import { PageHeader } from "../../components/page-header.tsx";
import { useMe } from "../../features/auth/index.ts";
import { usePartners } from "../../features/partners/index.ts";
import {
  KIND_OPTIONS,
  type SecurityLogFilters,
  SecurityLogTable,
} from "../../features/security-log/index.ts";

const kindOf = (value: string | null): SecurityEventKind | undefined =>
  SECURITY_EVENT_KINDS.find((kind) => kind === value);

/** Customer Success narrows the log to one partner, found by name on the server. */
function PartnerFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const partners = usePartners({ q: q || undefined, page: 1, pageSize: 50 });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = (partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (chosen && !options.some((option) => option.value === chosen.value)) options.push(chosen);
  return (
    <Select
      label="Partner"
      placeholder="Every partner and the platform"
      data={options}
      value={value ?? null}
      onChange={(id, option) => {
        setChosen(option ?? null);
        onChange(id ?? undefined);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={partners.isFetching ? "Searching…" : "No partner matches"}
      w={{ base: "100%", xs: 280 }}
    />
  );
}

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
          {everyPartner && (
            <PartnerFilter
              value={filters.partnerId}
              onChange={(partnerId) => setFilters({ ...filters, partnerId })}
            />
          )}
        </Group>
        <SecurityLogTable filters={filters} showPartner={everyPartner} onFilter={setFilters} />
      </Stack>
    </>
  );
}
