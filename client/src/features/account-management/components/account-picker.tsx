import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useT } from "../../../lib/i18n.tsx";
import { useZoneAccounts } from "../api/zone-accounts.ts";

/** A SuperAdmin's account picker: the portfolio's active accounts, searched on the server. */
export function AccountPicker({
  value,
  onChange,
  error,
  label,
  description,
  clearable = false,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error: string | undefined;
  label?: string;
  description?: string;
  clearable?: boolean;
}) {
  const t = useT();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const accounts = useZoneAccounts({
    zone: "active",
    q: q || undefined,
    sort: "name",
    order: "asc",
    page: 1,
    pageSize: 50,
  });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = (accounts.data?.items ?? []).map((account) => ({
    value: account.id,
    label: account.name,
  }));
  if (chosen && !options.some((option) => option.value === chosen.value)) options.push(chosen);
  return (
    <Select
      label={label ?? t("accounts.field.account")}
      description={description}
      clearable={clearable}
      placeholder={t("accounts.picker.placeholder")}
      data={options}
      value={value}
      onChange={(id, option) => {
        setChosen(option ?? null);
        onChange(id);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t(
        accounts.isFetching ? "accounts.picker.searching" : "accounts.picker.nothingFound",
      )}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
