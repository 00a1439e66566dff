import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconArrowLeft } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Badges or other facts shown next to the title. */
  extra?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; label: string };
}

/** A page's title (also the browser tab's), what it is about, and what can be done from it. */
export function PageHeader({ title, description, extra, actions, back }: PageHeaderProps) {
  useDocumentTitle(`${title} · Wattfolio`);
  return (
    <Stack gap="xs" mb="lg">
      {back && (
        <Anchor component={Link} to={back.to} size="sm" c="dimmed">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {back.label}
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} style={{ flex: "1 1 20rem" }}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {title}
            </Title>
            {extra}
          </Group>
          {description && <Text c="dimmed">{description}</Text>}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
