import { Alert, Group, Paper, ScrollArea, Skeleton, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconMailOpened } from "@tabler/icons-react";
import { Fact } from "../../../components/fact.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useMailboxMessage } from "../api/mailbox.ts";
import { LanguageBadge } from "./language-badge.tsx";

const FRAME_HEIGHT = 560;

/** Nothing chosen yet: say how to open a message. */
export function EmptyReader() {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="xl" h="100%">
      <Stack align="center" gap="xs" py={80} c="dimmed">
        <IconMailOpened size={40} stroke={1.2} />
        <Text c="dimmed">{t("mailbox.reader.choose")}</Text>
      </Stack>
    </Paper>
  );
}

/**
 * One message as its recipient sees it. The HTML is a complete document from our templates, shown
 * in a frame sandboxed of everything (no scripts, no forms, no navigation, a unique origin); the
 * plain-text version is the other tab.
 */
export function MailboxReader({ id }: { id: string }) {
  const t = useT();
  const format = useFormat();
  const message = useMailboxMessage(id);

  if (message.isPending) {
    return (
      <Paper withBorder radius="md" p="lg" aria-busy="true">
        <Stack gap="sm">
          <Skeleton height={22} width="70%" />
          <Skeleton height={14} width="40%" />
          <Skeleton height={FRAME_HEIGHT - 80} />
        </Stack>
      </Paper>
    );
  }
  if (message.isError) {
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle size={18} />}
        title={t("mailbox.reader.couldNotOpen")}
      >
        {message.error.message}
      </Alert>
    );
  }

  const { subject, from, to, deliveredAt, language, html, text } = message.data;
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="article"
      aria-label={t("mailbox.reader.message")}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={3} fz="lg" lh={1.35}>
            {subject}
          </Title>
          <LanguageBadge language={language} />
        </Group>
        <Group gap="xl" align="flex-start">
          <Fact label={t("mailbox.reader.from")}>{from}</Fact>
          <Fact label={t("mailbox.reader.to")}>{to}</Fact>
          <Fact label={t("mailbox.received")}>{format.dateTime(deliveredAt)}</Fact>
        </Group>
        <Tabs defaultValue="html" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="html">{t("mailbox.reader.html")}</Tabs.Tab>
            <Tabs.Tab value="text">{t("mailbox.reader.plainText")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="html" pt="sm">
            <iframe
              title={t("mailbox.reader.htmlVersion", { subject })}
              srcDoc={html}
              sandbox=""
              referrerPolicy="no-referrer"
              style={{
                width: "100%",
                height: FRAME_HEIGHT,
                border: "1px solid var(--mantine-color-gray-3)",
                borderRadius: 8,
                background: "white",
              }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="text" pt="sm">
            <ScrollArea.Autosize mah={FRAME_HEIGHT}>
              <Text
                component="pre"
                size="sm"
                ff="monospace"
                p="md"
                bg="gray.0"
                style={{ whiteSpace: "pre-wrap", borderRadius: 8, margin: 0 }}
              >
                {text}
              </Text>
            </ScrollArea.Autosize>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
