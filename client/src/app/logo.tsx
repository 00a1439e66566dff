import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconBolt } from "@tabler/icons-react";

/** The mark and the name; `compact`, the name shows from the xs breakpoint up (a phone's header). */
export function Logo({ size = "md", compact = false }: { size?: "md" | "lg"; compact?: boolean }) {
  const large = size === "lg";
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon
        size={large ? 40 : 32}
        radius="md"
        variant="gradient"
        gradient={{ from: "indigo.7", to: "cyan.6", deg: 135 }}
      >
        <IconBolt size={large ? 24 : 20} stroke={2} />
      </ThemeIcon>
      <Text
        fw={750}
        fz={large ? 26 : 20}
        c="dark.8"
        style={{ letterSpacing: -0.3 }}
        visibleFrom={compact ? "xs" : undefined}
      >
        Wattfolio
      </Text>
    </Group>
  );
}
