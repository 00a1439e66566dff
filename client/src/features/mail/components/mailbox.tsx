import { Anchor, Drawer, Grid, Group, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { MailboxItem } from "@shared/api/lifecycle.ts";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { SearchInput } from "../../../components/search-input.tsx";
import { useKeysetPages } from "../../../hooks/use-keyset-pages.ts";
import { useListParams } from "../../../hooks/use-list-params.ts";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useMailbox } from "../api/mailbox.ts";
import { LanguageBadge } from "./language-badge.tsx";
import { EmptyReader, MailboxReader } from "./mailbox-reader.tsx";

interface MailboxProps {
  /** The message open in the reader. */
  openId: string | undefined;
  onOpen: (id: string) => void;
  onClose: () => void;
}

/**
 * The in-app mailbox: the list of delivered mail on the left, the open message on the right; on a
 * narrower screen the message opens in a drawer over the list, which keeps its place.
 */
export function Mailbox({ openId, onOpen, onClose }: MailboxProps) {
  const t = useT();
  const wide = useMediaQuery("(min-width: 75em)", true);
  const format = useFormat();
  const list = useListParams({});
  const pages = useKeysetPages(list.q, PAGE_SIZE);
  const result = useMailbox({
    q: list.q || undefined,
    ...pages.cursor,
    page: 1,
    pageSize: PAGE_SIZE,
  });

  const columns: Column<MailboxItem>[] = [
    {
      key: "subject",
      header: t("mailbox.subject"),
      render: (message) => (
        <Stack gap={2}>
          <Anchor
            component="button"
            type="button"
            ta="left"
            fw={openId === message.id ? 700 : 500}
            size="sm"
            onClick={() => onOpen(message.id)}
          >
            {message.subject}
          </Anchor>
          <Text size="xs" c="dimmed">
            {message.to}
          </Text>
        </Stack>
      ),
    },
    {
      key: "received",
      header: t("mailbox.received"),
      render: (message) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {format.dateTime(message.deliveredAt)}
        </Text>
      ),
    },
    {
      key: "language",
      header: t("mailbox.language"),
      render: (message) => <LanguageBadge language={message.language} />,
    },
  ];

  const messages = (
    <Stack gap="sm">
      <Group>
        <SearchInput
          label={t("mailbox.search")}
          placeholder={t("mailbox.searchPlaceholder")}
          value={list.search}
          onChange={list.setSearch}
        />
      </Group>
      <PagedTable
        label={t("mailbox.title")}
        columns={columns}
        result={result}
        rowKey={(message) => message.id}
        activeRowKey={openId}
        minWidth={560}
        empty={list.q ? t("mailbox.noMatch") : t("mailbox.empty")}
        keyset={pages}
      />
    </Stack>
  );

  if (!wide) {
    return (
      <>
        {messages}
        <Drawer
          opened={openId !== undefined}
          onClose={onClose}
          position="bottom"
          size="92%"
          title={t("mailbox.reader.message")}
        >
          {openId && <MailboxReader id={openId} />}
        </Drawer>
      </>
    );
  }
  return (
    <Grid gutter="lg">
      <Grid.Col span={6}>{messages}</Grid.Col>
      <Grid.Col span={6}>{openId ? <MailboxReader id={openId} /> : <EmptyReader />}</Grid.Col>
    </Grid>
  );
}
