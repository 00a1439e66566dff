import {
  ActionIcon,
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
import {
  CATALOGUE_SECTION_LABELS,
  codeFromName,
  type CatalogueSection as Section,
} from "@shared/domain/catalogue.ts";
import { IconArchive, IconArrowBackUp, IconDots, IconPencil, IconPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { ConfirmModal } from "../../../components/confirm-modal.tsx";
import { TitledCard } from "../../../components/titled-card.tsx";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { count } from "../../../lib/format.ts";
import { notifyError } from "../../../lib/query-client.ts";
import { formErrorsOf } from "../../../lib/zod-form.ts";
import {
  useAddCatalogueEntry,
  useRenameCatalogueEntry,
  useRetirement,
} from "../api/catalogue-admin.ts";

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
  const one = CATALOGUE_SECTION_LABELS[section].one;
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
    notifications.show({ color: "green", message: `${entry.name} saved (code ${entry.code}).` });
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
      title={current ? `Rename ${current.name}` : `Add a ${one}`}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          {current ? (
            <Text size="sm" c="dimmed">
              Code <b>{current.code}</b> stays: accounts and integrations know the {one} by it.
            </Text>
          ) : (
            <TextInput
              label="Code"
              description="Lower-case letters, digits and hyphens; it never changes"
              placeholder={codeFromName(name) || "e.g. professional-plus"}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={errors.code}
            />
          )}
          {withDescription && (
            <Textarea
              label="Description"
              autosize
              minRows={2}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              error={errors.description}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending || rename.isPending}>
              {current ? "Save" : `Add ${one}`}
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
  const { one, many } = CATALOGUE_SECTION_LABELS[section];
  const [editing, setEditing] = useState<Editing | null>(null);
  const [retiring, setRetiring] = useState<CatalogueEntry | null>(null);
  const retirement = useRetirement();

  const setRetired = (entry: CatalogueEntry, retire: boolean) =>
    retirement.mutate(
      { section, id: entry.id, retire },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: retire
              ? `${entry.name} is retired: it stays on its accounts but is no longer offered.`
              : `${entry.name} is offered again.`,
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
            Add {one}
          </Button>
        </Group>
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={520} type="native">
            <Table aria-label={many} verticalSpacing="xs" horizontalSpacing="md">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Code</Table.Th>
                  <Table.Th>Accounts</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text size="sm" c="gray.7">
                        None yet: add the first {one}.
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
                            Retired
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
                      <Text size="sm">{count(entry.accounts, "account")}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Actions for ${entry.name}`}
                          >
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<IconPencil size={14} />}
                            onClick={() => setEditing({ kind: "rename", entry })}
                          >
                            Rename
                          </Menu.Item>
                          {entry.active ? (
                            <Menu.Item
                              color="red"
                              leftSection={<IconArchive size={14} />}
                              onClick={() => setRetiring(entry)}
                            >
                              Retire
                            </Menu.Item>
                          ) : (
                            <Menu.Item
                              leftSection={<IconArrowBackUp size={14} />}
                              onClick={() => setRetired(entry, false)}
                            >
                              Offer again
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>
      {editing && (
        <EntryModal section={section} editing={editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmModal
        opened={retiring !== null}
        onClose={() => setRetiring(null)}
        title={`Retire ${retiring?.name ?? ""}?`}
        confirmLabel={`Retire ${one}`}
        danger
        loading={retirement.isPending}
        onConfirm={() => retiring && setRetired(retiring, true)}
      >
        {retiring?.accounts
          ? `The ${count(retiring.accounts, "account")} that have it keep it, and their history keeps its name. `
          : ""}
        New applications and licence changes can no longer choose it. You can offer it again later.
      </ConfirmModal>
    </TitledCard>
  );
}
