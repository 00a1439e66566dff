import { Badge, Select, Stack, Text } from "@mantine/core";
import { USER_TYPE_MEANINGS, USER_TYPES, type UserType } from "@shared/domain/people.ts";

const COLOR: Record<UserType, string> = {
  super_admin: "indigo",
  admin: "teal",
  manager: "cyan",
  client: "gray",
  demo: "yellow",
};

export function UserTypeBadge({ type }: { type: UserType }) {
  return (
    <Badge color={COLOR[type]} variant="light" radius="sm">
      {USER_TYPE_MEANINGS[type].label}
    </Badge>
  );
}

const OPTIONS = USER_TYPES.map((type) => ({ value: type, label: USER_TYPE_MEANINGS[type].label }));

/** The types to choose from, each with what it means on the platform in one line. */
export function UserTypeSelect({
  value,
  onChange,
  error,
  label = "Type",
}: {
  value: UserType;
  onChange: (type: UserType) => void;
  error?: string | undefined;
  label?: string;
}) {
  return (
    <Select
      label={label}
      description={USER_TYPE_MEANINGS[value].meaning}
      data={OPTIONS}
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
                {USER_TYPE_MEANINGS[type].meaning}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
