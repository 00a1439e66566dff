import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconBolt } from "@tabler/icons-react";

export function Logo({ size = "md" }: { size?: "md" | "lg" }) {
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
      <Text fw={750} fz={large ? 26 : 20} c="dark.8" style={{ letterSpacing: -0.3 }}>
        Wattfolio
      </Text>
    </Group>
  );
}
