import { Button, Group, Select, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from "@shared/domain/security-log.ts";
import { IconX } from "@tabler/icons-react";
import { useState } from "react";
import { PageHeader } from "../../components/page-header.tsx";
import { useMe } from "../../features/auth/index.ts";
import { usePartners } from "../../features/partners/index.ts";
import {
  kindOptions,
  type SecurityLogFilters,
  SecurityLogTable,
} from "../../features/security-log/index.ts";
import { useT } from "../../lib/i18n.tsx";

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
  const t = useT();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const partners = usePartners({ q: q || undefined, page: 1, pageSize: 50 });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = (partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (chosen && !options.some((option) => option.value === chosen.value)) options.push(chosen);
  return (
    <Select
      label={t("securityLog.partner")}
      placeholder={t("securityLog.everyPartner")}
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
      nothingFoundMessage={
        partners.isFetching ? t("securityLog.searching") : t("securityLog.noPartner")
      }
      w={{ base: "100%", xs: 280 }}
    />
  );
}

export function SecurityLogRoute() {
  const t = useT();
  const me = useMe();
  const [filters, setFilters] = useState<SecurityLogFilters>({});
  const everyPartner = me.role === "customer_success";

  return (
    <>
      <PageHeader
        title={t("securityLog.title")}
        description={
          everyPartner
            ? t("securityLog.descriptionOfEveryPartner")
            : me.partner
              ? t("securityLog.descriptionOfPartner", { partner: me.partner.name })
              : t("securityLog.descriptionOfYourPartner")
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t("securityLog.what")}
            placeholder={t("securityLog.everyKind")}
            data={kindOptions(t)}
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
              {t("securityLog.everyone")}
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
