import { Badge, Select, Stack, Text } from "@mantine/core";
import { USER_TYPES, type UserType } from "@shared/domain/people.ts";
import { useT } from "../../../lib/i18n.tsx";

const COLOR: Record<UserType, string> = {
  super_admin: "indigo",
  admin: "teal",
  manager: "cyan",
  client: "gray",
  demo: "yellow",
};

export function UserTypeBadge({ type }: { type: UserType }) {
  const t = useT();
  return (
    <Badge color={COLOR[type]} variant="light" radius="sm">
      {t(`userType.${type}`)}
    </Badge>
  );
}

/** The types to choose from, each with what it means on the platform in one line. */
export function UserTypeSelect({
  value,
  onChange,
  error,
  label,
}: {
  value: UserType;
  onChange: (type: UserType) => void;
  error?: string | undefined;
  label?: string;
}) {
  const t = useT();
  const options = USER_TYPES.map((type) => ({ value: type, label: t(`userType.${type}`) }));
  return (
    <Select
      label={label ?? t("people.type")}
      description={t(`userType.${value}.meaning`)}
      data={options}
      value={value}
      onChange={(chosen) => {
        const type = USER_TYPES.find((known) => known === chosen);
        if (type) onChange(type);
      }}
      allowDeselect={false}
      error={error}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const type = USER_TYPES.find((known) => known === option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {type && (
              <Text size="xs" c="gray.7">
                {t(`userType.${type}.meaning`)}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
