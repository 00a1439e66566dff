import {
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type CatalogueEntry,
  catalogueEntryChangeBody,
  newCatalogueEntryBody,
} from "@shared/api/catalogue.ts";
import { codeFromName, type CatalogueSection as Section } from "@shared/domain/catalogue.ts";
import type { MessageKey } from "@shared/i18n/catalogue.ts";
import { IconArchive, IconArrowBackUp, IconPencil, IconPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { FormattedMessage } from "react-intl";
import { ConfirmModal } from "../../../components/confirm-modal.tsx";
import { RowMenu, RowMenuDialogItem, useReturnFocus } from "../../../components/row-menu.tsx";
import { TitledCard } from "../../../components/titled-card.tsx";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { useT } from "../../../lib/i18n.tsx";
import { notifyError } from "../../../lib/query-client.ts";
import { formErrorsOf } from "../../../lib/zod-form.ts";
import {
  useAddCatalogueEntry,
  useRenameCatalogueEntry,
  useRetirement,
} from "../api/catalogue-admin.ts";

/** What each section's own sentences are called: the words differ (and, in Spanish, their gender). */
const SECTION_MESSAGES: Record<
  Section,
  Record<"title" | "add" | "addTitle" | "empty" | "retire" | "codeStays", MessageKey>
> = {
  licences: {
    title: "catalogue.licences.title",
    add: "catalogue.licences.add",
    addTitle: "catalogue.licences.addTitle",
    empty: "catalogue.licences.empty",
    retire: "catalogue.licences.retire",
    codeStays: "catalogue.licences.codeStays",
  },
  billManagementTypes: {
    title: "catalogue.billManagementTypes.title",
    add: "catalogue.billManagementTypes.add",
    addTitle: "catalogue.billManagementTypes.addTitle",
    empty: "catalogue.billManagementTypes.empty",
    retire: "catalogue.billManagementTypes.retire",
    codeStays: "catalogue.billManagementTypes.codeStays",
  },
  sectors: {
    title: "catalogue.sectors.title",
    add: "catalogue.sectors.add",
    addTitle: "catalogue.sectors.addTitle",
    empty: "catalogue.sectors.empty",
    retire: "catalogue.sectors.retire",
    codeStays: "catalogue.sectors.codeStays",
  },
};

type Editing = { kind: "add" } | { kind: "rename"; entry: CatalogueEntry };

/** Add an entry (name, optional code, a licence's description) or rename one; the code stays. */
function EntryModal({
  section,
  editing,
  onClose,
}: {
  section: Section;
  editing: Editing;
  onClose: () => void;
}) {
  const t = useT();
  const messages = SECTION_MESSAGES[section];
  const current = editing.kind === "rename" ? editing.entry : null;
  const [name, setName] = useState(current?.name ?? "");
  const [code, setCode] = useState("");
  const [description, setDescription] = useState(current?.description ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddCatalogueEntry();
  const rename = useRenameCatalogueEntry();
  const withDescription = section === "licences";

  const onError = (error: Error) => {
    const fields = error instanceof ApiError ? fieldErrorsOf(error) : {};
    if (Object.keys(fields).length > 0) setErrors(fields);
    else notifyError(error);
  };
  const saved = (entry: CatalogueEntry) => {
    notifications.show({
      color: "green",
      message: t("catalogue.entry.saved", { name: entry.name, code: entry.code }),
    });
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      name,
      ...(withDescription ? { description } : {}),
    };
    if (current) {
      const checked = catalogueEntryChangeBody.safeParse(fields);
      if (!checked.success) return setErrors(formErrorsOf(checked.error));
      rename.mutate({ section, id: current.id, body: checked.data }, { onSuccess: saved, onError });
      return;
    }
    const checked = newCatalogueEntryBody.safeParse({ ...fields, code: code.trim() || undefined });
    if (!checked.success) return setErrors(formErrorsOf(checked.error));
    add.mutate({ section, body: checked.data }, { onSuccess: saved, onError });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        current ? t("catalogue.entry.renameTitle", { name: current.name }) : t(messages.addTitle)
      }
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t("catalogue.entry.name")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          {current ? (
            <Text size="sm" c="dimmed">
              <FormattedMessage
                id={messages.codeStays}
                values={{ code: current.code, b: (chunks) => <b>{chunks}</b> }}
              />
            </Text>
          ) : (
            <TextInput
              label={t("catalogue.entry.code")}
              description={t("catalogue.entry.codeDescription")}
              placeholder={codeFromName(name) || t("catalogue.entry.codePlaceholder")}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={errors.code}
            />
          )}
          {withDescription && (
            <Textarea
              label={t("catalogue.entry.description")}
              autosize
              minRows={2}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              error={errors.description}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending || rename.isPending}>
              {current ? t("common.save") : t(messages.add)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One section of the catalogue: its entries, retired ones dimmed, with add, rename and retire. */
export function CatalogueSection({
  section,
  entries,
}: {
  section: Section;
  entries: CatalogueEntry[];
}) {
  const t = useT();
  const messages = SECTION_MESSAGES[section];
  const many = t(messages.title);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [retiring, setRetiring] = useState<CatalogueEntry | null>(null);
  const focus = useReturnFocus();
  const retirement = useRetirement();

  const setRetired = (entry: CatalogueEntry, retire: boolean) =>
    retirement.mutate(
      { section, id: entry.id, retire },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: t(retire ? "catalogue.retire.done" : "catalogue.retire.undone", {
              name: entry.name,
            }),
          });
          setRetiring(null);
        },
      },
    );

  return (
    <TitledCard title={many}>
      <Stack gap="sm">
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing({ kind: "add" })}
          >
            {t(messages.add)}
          </Button>
        </Group>
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={520} type="native">
            <Table aria-label={many} verticalSpacing="xs" horizontalSpacing="md">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t("catalogue.entry.name")}</Table.Th>
                  <Table.Th>{t("catalogue.entry.code")}</Table.Th>
                  <Table.Th>{t("catalogue.table.accounts")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text size="sm" c="gray.7">
                        {t(messages.empty)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {entries.map((entry) => (
                  <Table.Tr key={entry.id} style={{ opacity: entry.active ? 1 : 0.7 }}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={500} td={entry.active ? undefined : "line-through"}>
                          {entry.name}
                        </Text>
                        {!entry.active && (
                          <Badge color="gray" variant="outline" radius="sm" size="sm">
                            {t("catalogue.table.retired")}
                          </Badge>
                        )}
                      </Group>
                      {entry.description && (
                        <Text size="xs" c="gray.7">
                          {entry.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {entry.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {t("catalogue.table.accountCount", { count: entry.accounts })}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <RowMenu label={t("catalogue.table.actionsFor", { name: entry.name })}>
                        <RowMenuDialogItem
                          leftSection={<IconPencil size={14} />}
                          onOpen={(opener) => {
                            focus.from(opener);
                            setEditing({ kind: "rename", entry });
                          }}
                        >
                          {t("catalogue.table.rename")}
                        </RowMenuDialogItem>
                        {entry.active ? (
                          <RowMenuDialogItem
                            color="red"
                            leftSection={<IconArchive size={14} />}
                            onOpen={(opener) => {
                              focus.from(opener);
                              setRetiring(entry);
                            }}
                          >
                            {t("catalogue.table.retire")}
                          </RowMenuDialogItem>
                        ) : (
                          <Menu.Item
                            leftSection={<IconArrowBackUp size={14} />}
                            onClick={() => setRetired(entry, false)}
                          >
                            {t("catalogue.table.offerAgain")}
                          </Menu.Item>
                        )}
                      </RowMenu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>
      {editing && (
        <EntryModal
          section={section}
          editing={editing}
          onClose={() => {
            setEditing(null);
            focus.back();
          }}
        />
      )}
      <ConfirmModal
        opened={retiring !== null}
        onClose={() => {
          setRetiring(null);
          focus.back();
        }}
        title={t("catalogue.retire.title", { name: retiring?.name ?? "" })}
        confirmLabel={t(messages.retire)}
        danger
        loading={retirement.isPending}
        onConfirm={() => retiring && setRetired(retiring, true)}
      >
        {retiring?.accounts
          ? `${t("catalogue.retire.accountsKeepIt", { count: retiring.accounts })} `
          : ""}
        {t("catalogue.retire.consequence")}
      </ConfirmModal>
    </TitledCard>
  );
}
