import { ActionIcon, Badge, Button, Group, Select, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { AccountUser } from "@shared/api/people.ts";
import { IconUserMinus, IconUserPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { TitledCard } from "../../../components/titled-card.tsx";
import { useT } from "../../../lib/i18n.tsx";
import { useAccountUsers, useGrantAccess, useRevokeAccess } from "../api/account-users.ts";
import { usePartnerPeople } from "../api/people.ts";
import { UserTypeBadge } from "./user-type.tsx";

/** Grant the account to one of the partner's account-level users who does not have it yet. */
function GrantAccess({ accountId, granted }: { accountId: string; granted: AccountUser[] }) {
  const t = useT();
  const people = usePartnerPeople();
  const grant = useGrantAccess(accountId);
  const [userId, setUserId] = useState<string | null>(null);
  const options = (people.data?.users ?? [])
    .filter((user) => !user.reachesAllAccounts && !granted.some((has) => has.id === user.id))
    .map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!userId) return;
    grant.mutate(userId, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("people.access.granted") });
        setUserId(null);
      },
    });
  };

  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t("people.access.giveTo")}
          placeholder={
            options.length > 0 ? t("people.access.chooseUser") : t("people.access.everyoneHasIt")
          }
          data={options}
          value={userId}
          onChange={setUserId}
          searchable
          disabled={options.length === 0}
          style={{ flex: "1 1 240px" }}
          comboboxProps={{ withinPortal: true }}
        />
        <Button
          type="submit"
          leftSection={<IconUserPlus size={16} />}
          disabled={!userId}
          loading={grant.isPending}
        >
          {t("people.access.grant")}
        </Button>
      </Group>
    </form>
  );
}

/** "Users with access": the account-level users who can open this account; SuperAdmins always can. */
export function UsersWithAccessCard({ accountId }: { accountId: string }) {
  const t = useT();
  const users = useAccountUsers(accountId);
  const revoke = useRevokeAccess(accountId);
  const granted = users.data?.items ?? [];

  return (
    <TitledCard title={t("people.access.title")}>
      <Stack gap="md">
        <Text size="sm">{t("people.access.explanation")}</Text>
        {users.data && granted.length === 0 && (
          <Text size="sm" c="gray.7">
            {t("people.access.none")}
          </Text>
        )}
        {granted.length > 0 && (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs" aria-label={t("people.access.title")}>
              <Table.Tbody>
                {granted.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Stack gap={0}>
                        <Text size="sm" fw={500}>
                          {user.name}
                        </Text>
                        <Text size="xs" c="gray.7">
                          {user.email}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <UserTypeBadge type={user.userType} />
                        {user.status === "deactivated" && (
                          <Badge color="red" variant="light" radius="sm">
                            {t("people.deactivated")}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td align="right">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t("people.access.takeAway", { name: user.name })}
                        loading={revoke.isPending && revoke.variables === user.id}
                        onClick={() =>
                          revoke.mutate(user.id, {
                            onSuccess: () =>
                              notifications.show({
                                color: "green",
                                message: t("people.access.takenAway", { name: user.name }),
                              }),
                          })
                        }
                      >
                        <IconUserMinus size={18} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <GrantAccess accountId={accountId} granted={granted} />
      </Stack>
    </TitledCard>
  );
}
