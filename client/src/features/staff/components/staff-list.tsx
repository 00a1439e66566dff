import { Badge, Button, Paper, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { StaffMember } from "@shared/api/staff.ts";
import { IconUserCheck, IconUserOff } from "@tabler/icons-react";
import { useState } from "react";
import { ConfirmModal } from "../../../components/confirm-modal.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { TitledCard } from "../../../components/titled-card.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useMe } from "../../auth/index.ts";
import { InvitationList } from "../../people/index.ts";
import { useAnyInvitationActions } from "../api/invitations.ts";
import { staffKeys, useStaff, useStaffActivation } from "../api/staff.ts";

/** The team, with who can sign in, and the colleagues invited who have not joined yet. */
export function StaffList() {
  const t = useT();
  const format = useFormat();
  const me = useMe();
  const staff = useStaff();
  const activation = useStaffActivation();
  const invitationActions = useAnyInvitationActions(staffKeys.all);
  const [deactivating, setDeactivating] = useState<StaffMember | null>(null);

  if (!staff.data) return <LoadingState />;
  const activeCount = staff.data.members.filter((member) => member.status === "active").length;

  const setActive = (member: StaffMember, active: boolean) =>
    activation.mutate(
      { id: member.id, active },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: active
              ? t("staff.reactivated", { name: member.name })
              : t("staff.deactivated", { name: member.name }),
          });
          setDeactivating(null);
        },
      },
    );

  return (
    <Stack gap="lg">
      <TitledCard title={t("staff.members")}>
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={560} type="native">
            <Table aria-label={t("staff.title")} verticalSpacing="xs" horizontalSpacing="md">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t("people.name")}</Table.Th>
                  <Table.Th>{t("people.email")}</Table.Th>
                  <Table.Th>{t("people.status")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {staff.data.members.map((member) => {
                  const active = member.status === "active";
                  const isMe = member.id === me.id;
                  return (
                    <Table.Tr key={member.id}>
                      <Table.Td>
                        <Text size="sm" fw={500} c={active ? undefined : "gray.7"}>
                          {isMe ? t("people.nameYou", { name: member.name }) : member.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{member.email}</Text>
                      </Table.Td>
                      <Table.Td>
                        {active ? (
                          <Badge color="teal" variant="light" radius="sm">
                            {t("people.active")}
                          </Badge>
                        ) : (
                          <Badge color="gray" variant="light" radius="sm">
                            {member.deactivatedAt
                              ? t("staff.deactivatedOn", {
                                  date: format.dateTime(member.deactivatedAt),
                                })
                              : t("people.deactivated")}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {active && !isMe && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconUserOff size={14} />}
                            aria-label={t("staff.deactivateMember", { name: member.name })}
                            // The last active member stays: the server refuses it too.
                            disabled={activeCount <= 1}
                            onClick={() => setDeactivating(member)}
                          >
                            {t("people.deactivate")}
                          </Button>
                        )}
                        {!active && (
                          <Button
                            size="xs"
                            variant="subtle"
                            leftSection={<IconUserCheck size={14} />}
                            aria-label={t("staff.reactivateMember", { name: member.name })}
                            loading={activation.isPending && activation.variables?.id === member.id}
                            onClick={() => setActive(member, true)}
                          >
                            {t("people.reactivate")}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </TitledCard>

      <TitledCard title={t("staff.invited")}>
        <InvitationList
          invitations={staff.data.invitations}
          resend={invitationActions.resend}
          revoke={invitationActions.revoke}
          empty={t("staff.nobodyInvited")}
        />
      </TitledCard>

      <ConfirmModal
        opened={deactivating !== null}
        onClose={() => setDeactivating(null)}
        title={t("people.deactivateTitle", { name: deactivating?.name ?? "" })}
        confirmLabel={t("people.deactivate")}
        danger
        loading={activation.isPending}
        onConfirm={() => deactivating && setActive(deactivating, false)}
      >
        {t("staff.deactivateText")}
      </ConfirmModal>
    </Stack>
  );
}
