import {
  Button,
  Center,
  Group,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import type { KeysetPage, Page } from "@shared/api/common.ts";
import {
  IconChevronDown,
  IconChevronLeft,
  IconChevronRight,
  IconChevronUp,
  IconInbox,
  IconSelector,
} from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useDeferredValue } from "react";
import { useT } from "../lib/i18n.tsx";

type SortOrder = "asc" | "desc";

/** Rows per page of every server-side list. */
export const PAGE_SIZE = 25;

interface Sorting<S extends string> {
  sort: S;
  order: SortOrder;
}

export interface Column<T, S extends string = string> {
  key: string;
  header: string;
  /** The row's buttons or ⋮ menu: its header is for screen readers only. */
  actions?: boolean;
  /** The server's sort key for this column; its header then sorts on click. */
  sortBy?: S;
  align?: "right";
  render: (row: T) => ReactNode;
}

/**
 * How the table moves between pages: by page number, or (long lists) to the page before or after
 * the one shown, `first` being the place of its first row in the whole list (0 for the first).
 */
type Paging<T> =
  | { result: UseQueryResult<Page<T>>; page: number; onPageChange: (page: number) => void }
  | {
      result: UseQueryResult<KeysetPage<T>>;
      keyset: {
        first: number;
        onNext: (cursor: string) => void;
        onPrevious: (cursor: string) => void;
      };
    };

type PagedTableProps<T, S extends string> = Paging<T> & {
  /** What the table lists, for screen readers (e.g. "Active accounts"). */
  label: string;
  columns: Column<T, S>[];
  rowKey: (row: T) => string;
  empty: string;
  sorting?: Sorting<S>;
  onSortingChange?: (sorting: Sorting<S>) => void;
  /** Below this width the table scrolls sideways (860 px unless said). */
  minWidth?: number;
  /** The row that is open elsewhere on the page (e.g. in a reader), highlighted. */
  activeRowKey?: string | undefined;
};

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

function SortIcon({ active, order }: { active: boolean; order: SortOrder }) {
  if (!active) return <IconSelector size={14} stroke={1.5} />;
  return order === "asc" ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />;
}

/**
 * A page of a server-side list: sortable headers, loading and empty states, pagination. On a phone
 * each row is a card of its own, every value under its column's name (app/styles.css).
 */
export function PagedTable<T, S extends string>(props: PagedTableProps<T, S>) {
  const {
    label,
    columns,
    result,
    rowKey,
    empty,
    sorting,
    onSortingChange,
    minWidth = 860,
    activeRowKey,
  } = props;
  const t = useT();
  const { data: latest, isError, isPlaceholderData, refetch } = result;
  // A page's rows are rendered in the background, in slices the browser can interrupt, and shown
  // once ready: on a slow phone, 25 rows rendered at once kept the page from answering a tap.
  const data = useDeferredValue(latest);
  const isPending = result.isPending || (latest !== undefined && data === undefined);

  const header = (column: Column<T, S>) => {
    const { sortBy } = column;
    if (column.actions) return <VisuallyHidden>{column.header}</VisuallyHidden>;
    if (!sortBy || !sorting || !onSortingChange) return column.header;
    const active = sorting.sort === sortBy;
    const next: SortOrder = active && sorting.order === "asc" ? "desc" : "asc";
    return (
      <UnstyledButton
        onClick={() => onSortingChange({ sort: sortBy, order: next })}
        aria-label={t("app.table.sortBy", { column: column.header.toLowerCase() })}
        fw={600}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap" justify={column.align === "right" ? "flex-end" : undefined}>
          {column.header}
          <SortIcon active={active} order={sorting.order} />
        </Group>
      </UnstyledButton>
    );
  };

  const ariaSort = (column: Column<T, S>) => {
    if (!column.sortBy || !sorting) return undefined;
    return sorting.sort === column.sortBy ? ARIA_SORT[sorting.order] : "none";
  };

  const message = (content: ReactNode) => (
    <Table.Tr>
      <Table.Td colSpan={columns.length}>
        <Center py="xl">{content}</Center>
      </Table.Td>
    </Table.Tr>
  );

  let body: ReactNode;
  if (isPending) {
    body = Array.from({ length: 5 }, (_, row) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
      <Table.Tr key={row}>
        {columns.map((column) => (
          <Table.Td key={column.key}>
            <Skeleton height={14} radius="sm" />
          </Table.Td>
        ))}
      </Table.Tr>
    ));
  } else if (isError && !data) {
    body = message(
      <Stack align="center" gap="xs">
        <Text c="dimmed">{t("app.table.couldNotLoad")}</Text>
        <Button variant="light" size="xs" onClick={() => void refetch()}>
          {t("common.tryAgain")}
        </Button>
      </Stack>,
    );
  } else if (!data || data.items.length === 0) {
    body = message(
      <Stack align="center" gap={4}>
        <IconInbox size={32} stroke={1.2} color="var(--mantine-color-gray-5)" />
        <Text c="dimmed">{empty}</Text>
      </Stack>,
    );
  } else {
    body = data.items.map((row) => (
      <Table.Tr
        key={rowKey(row)}
        bg={activeRowKey === rowKey(row) ? "indigo.0" : undefined}
        aria-current={activeRowKey === rowKey(row) ? "true" : undefined}
      >
        {columns.map((column) => (
          <Table.Td
            key={column.key}
            ta={column.align}
            data-label={column.actions ? undefined : column.header}
            data-actions={column.actions || undefined}
          >
            {column.render(row)}
          </Table.Td>
        ))}
      </Table.Tr>
    ));
  }

  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={minWidth} type="native">
          <Table
            className="cards-on-phone"
            aria-label={label}
            aria-busy={isPending || isPlaceholderData || data !== latest}
            highlightOnHover
            verticalSpacing="sm"
            horizontalSpacing="md"
            style={{ opacity: isPlaceholderData ? 0.6 : 1, transition: "opacity 120ms" }}
          >
            <Table.Thead bg="gray.0">
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.key} ta={column.align} aria-sort={ariaSort(column)}>
                    {header(column)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{body}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {data && data.total > 0 && <PageFooter paging={props} />}
    </Stack>
  );
}

function PageFooter<T>({ paging }: { paging: Paging<T> }) {
  const t = useT();
  const data = paging.result.data;
  if (!data) return null;
  if ("keyset" in paging) {
    const keyset = paging.result.data;
    return keyset ? <KeysetFooter data={keyset} {...paging.keyset} /> : null;
  }
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const first = (data.page - 1) * data.pageSize + 1;
  const last = Math.min(data.total, data.page * data.pageSize);
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {t("app.table.range", { first, last, total: data.total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={paging.page}
          onChange={paging.onPageChange}
          size="sm"
          getItemProps={(item) => ({ "aria-label": t("app.table.page", { page: item }) })}
          getControlProps={(control) => ({
            "aria-label": t(control === "next" ? "app.table.nextPage" : "app.table.previousPage"),
          })}
        />
      )}
    </Group>
  );
}

interface KeysetFooterProps {
  data: KeysetPage<unknown>;
  /** The place of the page's first row in the whole list (0 for the first page). */
  first: number;
  onNext: (cursor: string) => void;
  onPrevious: (cursor: string) => void;
  /** The buttons' words where "Previous page" and "Next page" would not say it (e.g. Newer, Older). */
  labels?: { previous: string; next: string };
}

/** Where a page of a list read by cursors stands ("26–50 of more than 1,000"), and Previous, Next. */
export function KeysetFooter({ data, first, onNext, onPrevious, labels }: KeysetFooterProps) {
  const t = useT();
  // The first page is the first, however far the count of pages turned says it is.
  const start = data.previous === null ? 0 : first;
  const last = start + data.items.length;
  const { previous, next } = data;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {data.totalExact
          ? t("app.table.range", { first: start + 1, last, total: data.total })
          : t("app.table.rangeOfMore", { first: start + 1, last, total: data.total })}
      </Text>
      {(previous !== null || next !== null) && (
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={14} />}
            disabled={previous === null}
            onClick={() => previous && onPrevious(previous)}
          >
            {labels?.previous ?? t("app.table.previousPage")}
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<IconChevronRight size={14} />}
            disabled={next === null}
            onClick={() => next && onNext(next)}
          >
            {labels?.next ?? t("app.table.nextPage")}
          </Button>
        </Group>
      )}
    </Group>
  );
}
