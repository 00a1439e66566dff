import { CloseButton, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useT } from "../lib/i18n.tsx";

interface SearchInputProps {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}

export function SearchInput({ label, placeholder, value, onChange }: SearchInputProps) {
  const t = useT();
  return (
    <TextInput
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      // Every list's search takes up to 100 characters: more is refused, never silently dropped.
      maxLength={100}
      leftSection={<IconSearch size={16} />}
      rightSection={
        value ? (
          <CloseButton size="sm" aria-label={t("app.search.clear")} onClick={() => onChange("")} />
        ) : null
      }
      w={{ base: "100%", sm: 320 }}
      // Beside filters in a row, it takes the room left, so that a long placeholder shows whole.
      flex={{ base: "none", sm: "1 1 320px" }}
      maw={{ base: "100%", sm: 480 }}
    />
  );
}
