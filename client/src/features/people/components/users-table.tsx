import {
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ManagedUser } from "@shared/api/people.ts";
import type { UserType } from "@shared/domain/people.ts";
import { IconUserCheck, IconUserCog, IconUserOff } from "@tabler/icons-react";
import { useState } from "react";
import { ConfirmModal } from "../../../components/confirm-modal.tsx";
import { RowMenu, RowMenuDialogItem, useReturnFocus } from "../../../components/row-menu.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useChangeUserType, useDeactivateUser, useReactivateUser } from "../api/people.ts";
import { UserTypeBadge, UserTypeSelect } from "./user-type.tsx";

function ChangeTypeModal({ user, onClose }: { user: ManagedUser | null; onClose: () => void }) {
  const t = useT();
  const [chosen, setChosen] = useState<{ id: string; type: UserType } | null>(null);
  const change = useChangeUserType();
  const type = chosen && chosen.id === user?.id ? chosen.type : (user?.userType ?? "client");
  const save = () => {
    if (!user) return;
    change.mutate(
      { id: user.id, userType: type },
      {
        onSuccess: (changed) => {
          notifications.show({
            color: "green",
            message: t("people.changeType.changed", {
              name: changed.name,
              type: t(`userType.${changed.userType}`),
            }),
          });
          setChosen(null);
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={t("people.changeType.title", { name: user?.name ?? "" })}
      centered
    >
      <Stack gap="md">
        <UserTypeSelect
          value={type}
          onChange={(next) => user && setChosen({ id: user.id, type: next })}
        />
        {type === "super_admin" ? (
          <Text size="sm">{t("people.changeType.superAdmin")}</Text>
        ) : (
          <Text size="sm">{t("people.changeType.accountLevel")}</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={save} loading={change.isPending} disabled={type === user?.userType}>
            {t("people.changeType.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Status({ user }: { user: ManagedUser }) {
  const t = useT();
  return user.status === "active" ? (
    <Badge color="teal" variant="light" radius="sm">
      {t("people.active")}
    </Badge>
  ) : (
    <Badge color="red" variant="light" radius="sm">
      {t("people.deactivated")}
    </Badge>
  );
}

/** The partner's users: type, status, what they reach, and what a SuperAdmin can do to each. */
export function UsersTable({ users, myId }: { users: ManagedUser[]; myId: string }) {
  const t = useT();
  const format = useFormat();
  const [retyping, setRetyping] = useState<ManagedUser | null>(null);
  const [deactivating, setDeactivating] = useState<ManagedUser | null>(null);
  const focus = useReturnFocus();
  const deactivate = useDeactivateUser();
  const reactivate = useReactivateUser();

  const confirmDeactivation = () => {
    if (!deactivating) return;
    deactivate.mutate(deactivating.id, {
      onSuccess: (user) => {
        notifications.show({
          color: "green",
          message: t("people.users.deactivated", { name: user.name }),
        });
        setDeactivating(null);
      },
    });
  };

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" aria-label={t("people.page.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("people.name")}</Table.Th>
              <Table.Th>{t("people.type")}</Table.Th>
              <Table.Th>{t("people.status")}</Table.Th>
              <Table.Th>{t("people.users.accounts")}</Table.Th>
              <Table.Th>{t("people.lastSignIn")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {user.id === myId ? t("people.nameYou", { name: user.name }) : user.name}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {user.email}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <UserTypeBadge type={user.userType} />
                </Table.Td>
                <Table.Td>
                  <Status user={user} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {user.reachesAllAccounts
                      ? t("people.users.allAccounts")
                      : t("people.users.accountCount", { count: user.accountCount })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t("people.never")}
                  </Text>
                </Table.Td>
                <Table.Td align="right">
                  <RowMenu label={t("people.users.actionsFor", { name: user.name })}>
                    <RowMenuDialogItem
                      leftSection={<IconUserCog size={16} />}
                      onOpen={(opener) => {
                        focus.from(opener);
                        setRetyping(user);
                      }}
                    >
                      {t("people.users.changeType")}
                    </RowMenuDialogItem>
                    {user.status === "active" ? (
                      <RowMenuDialogItem
                        color="red"
                        leftSection={<IconUserOff size={16} />}
                        disabled={user.id === myId}
                        onOpen={(opener) => {
                          focus.from(opener);
                          setDeactivating(user);
                        }}
                      >
                        {t("people.deactivate")}
                      </RowMenuDialogItem>
                    ) : (
                      <Menu.Item
                        leftSection={<IconUserCheck size={16} />}
                        onClick={() =>
                          reactivate.mutate(user.id, {
                            onSuccess: (back) =>
                              notifications.show({
                                color: "green",
                                message: t("people.users.reactivated", { name: back.name }),
                              }),
                          })
                        }
                      >
                        {t("people.reactivate")}
                      </Menu.Item>
                    )}
                  </RowMenu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ChangeTypeModal
        user={retyping}
        onClose={() => {
          setRetyping(null);
          focus.back();
        }}
      />
      <ConfirmModal
        opened={deactivating !== null}
        title={t("people.deactivateTitle", { name: deactivating?.name ?? "" })}
        confirmLabel={t("people.deactivate")}
        danger
        loading={deactivate.isPending}
        onConfirm={confirmDeactivation}
        onClose={() => {
          setDeactivating(null);
          focus.back();
        }}
      >
        {t("people.users.deactivateText")}
      </ConfirmModal>
    </>
  );
}
