import { Center, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface MessagePageProps {
  icon: ReactNode;
  title: string;
  text: ReactNode;
  action?: ReactNode;
}

/** A whole-page message: nothing here, not for you, or could not load. */
export function MessagePage({ icon, title, text, action }: MessagePageProps) {
  return (
    <Center py={80}>
      <Stack align="center" gap="sm" maw={460} ta="center">
        <ThemeIcon size={64} radius="xl" variant="light">
          {icon}
        </ThemeIcon>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed">{text}</Text>
        {action}
      </Stack>
    </Center>
  );
}
