import { Center, Loader, Stack, Text } from "@mantine/core";
import { useT } from "../lib/i18n.tsx";

/** A page or a section on its way; "Loading…" in the user's language unless `label` says more. */
export function LoadingState({ label }: { label?: string }) {
  const t = useT();
  return (
    <Center py={80}>
      <Stack align="center" gap="xs" role="status">
        <Loader />
        <Text c="dimmed" size="sm">
          {label ?? t("common.loading")}
        </Text>
      </Stack>
    </Center>
  );
}
