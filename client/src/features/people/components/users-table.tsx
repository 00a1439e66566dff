import {
  ActionIcon,
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
import { USER_TYPE_MEANINGS, type UserType } from "@shared/domain/people.ts";
import { IconDots, IconUserCheck, IconUserCog, IconUserOff } from "@tabler/icons-react";
import { useState } from "react";
import { ConfirmModal } from "../../../components/confirm-modal.tsx";
import { count, formatDateTime } from "../../../lib/format.ts";
import { useChangeUserType, useDeactivateUser, useReactivateUser } from "../api/people.ts";
import { UserTypeBadge, UserTypeSelect } from "./user-type.tsx";

function ChangeTypeModal({ user, onClose }: { user: ManagedUser | null; onClose: () => void }) {
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
            message: `${changed.name} is now ${USER_TYPE_MEANINGS[changed.userType].label}`,
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
      title={`Change the type of ${user?.name ?? ""}`}
      centered
    >
      <Stack gap="md">
        <UserTypeSelect
          value={type}
          onChange={(next) => user && setChosen({ id: user.id, type: next })}
        />
        {type === "super_admin" ? (
          <Text size="sm">
            A SuperAdmin sees the whole portfolio and manages the partner's users.
          </Text>
        ) : (
          <Text size="sm">They keep the accounts granted to them, and reach only those.</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={save} loading={change.isPending} disabled={type === user?.userType}>
            Save type
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Status({ user }: { user: ManagedUser }) {
  return user.status === "active" ? (
    <Badge color="teal" variant="light" radius="sm">
      Active
    </Badge>
  ) : (
    <Badge color="red" variant="light" radius="sm">
      Deactivated
    </Badge>
  );
}

/** The partner's users: type, status, what they reach, and what a SuperAdmin can do to each. */
export function UsersTable({ users, myId }: { users: ManagedUser[]; myId: string }) {
  const [retyping, setRetyping] = useState<ManagedUser | null>(null);
  const [deactivating, setDeactivating] = useState<ManagedUser | null>(null);
  const deactivate = useDeactivateUser();
  const reactivate = useReactivateUser();

  const confirmDeactivation = () => {
    if (!deactivating) return;
    deactivate.mutate(deactivating.id, {
      onSuccess: (user) => {
        notifications.show({
          color: "green",
          message: `${user.name} is deactivated and signed out`,
        });
        setDeactivating(null);
      },
    });
  };

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Accounts</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {user.name}
                      {user.id === myId ? " (you)" : ""}
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
                    {user.reachesAllAccounts ? "All accounts" : count(user.accountCount, "account")}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never"}
                  </Text>
                </Table.Td>
                <Table.Td align="right">
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Actions for ${user.name}`}
                      >
                        <IconDots size={18} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        leftSection={<IconUserCog size={16} />}
                        onClick={() => setRetyping(user)}
                      >
                        Change type
                      </Menu.Item>
                      {user.status === "active" ? (
                        <Menu.Item
                          color="red"
                          leftSection={<IconUserOff size={16} />}
                          disabled={user.id === myId}
                          onClick={() => setDeactivating(user)}
                        >
                          Deactivate
                        </Menu.Item>
                      ) : (
                        <Menu.Item
                          leftSection={<IconUserCheck size={16} />}
                          onClick={() =>
                            reactivate.mutate(user.id, {
                              onSuccess: (back) =>
                                notifications.show({
                                  color: "green",
                                  message: `${back.name} can sign in again`,
                                }),
                            })
                          }
                        >
                          Reactivate
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
      <ChangeTypeModal user={retyping} onClose={() => setRetyping(null)} />
      <ConfirmModal
        opened={deactivating !== null}
        title={`Deactivate ${deactivating?.name ?? ""}?`}
        confirmLabel="Deactivate"
        danger
        loading={deactivate.isPending}
        onConfirm={confirmDeactivation}
        onClose={() => setDeactivating(null)}
      >
        They are signed out everywhere at once and cannot sign in until reactivated. Their type and
        account access are kept.
      </ConfirmModal>
    </>
  );
}
