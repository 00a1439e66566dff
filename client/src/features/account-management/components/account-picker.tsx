import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useZoneAccounts } from "../api/zone-accounts.ts";

/** A SuperAdmin's account picker: the portfolio's active accounts, searched on the server. */
export function AccountPicker({
  value,
  onChange,
  error,
  label = "Account",
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
      label={label}
      description={description}
      clearable={clearable}
      placeholder="Search the portfolio's active accounts"
      data={options}
      value={value}
      onChange={(id, option) => {
        setChosen(option ?? null);
        onChange(id);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={accounts.isFetching ? "Searching…" : "No active account matches"}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
