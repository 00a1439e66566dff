import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { PendingInvitation } from "@shared/api/people.ts";
import type { StaffInvitation } from "@shared/api/staff.ts";
import { IconBan, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { ConfirmModal } from "../../../components/confirm-modal.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useResendInvitation, useRevokeInvitation } from "../api/people.ts";
import { UserTypeBadge } from "./user-type.tsx";

/** Sending an invitation again or revoking it, by its id: a TanStack mutation fits. */
export interface InvitationAction {
  mutate: (id: string, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  variables: string | undefined;
}

/** A SuperAdmin's own partner's invitations, sent again and revoked through the Users routes. */
export function InvitationsTable({ invitations }: { invitations: PendingInvitation[] }) {
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  return <InvitationList invitations={invitations} resend={resend} revoke={revoke} />;
}

/**
 * Invitations sent and not yet accepted: send again (a new link) or revoke. A partner's show the
 * type and account they invite to; the Customer Success team's have neither.
 */
export function InvitationList({
  invitations,
  resend,
  revoke,
  empty,
}: {
  invitations: readonly (PendingInvitation | StaffInvitation)[];
  resend: InvitationAction;
  revoke: InvitationAction;
  empty?: string;
}) {
  const t = useT();
  const format = useFormat();
  const [revoking, setRevoking] = useState<PendingInvitation | StaffInvitation | null>(null);
  const ofPartner = invitations.some((invitation) => "userType" in invitation);

  if (invitations.length === 0) {
    return (
      <Text size="sm" c="gray.7">
        {empty ?? t("people.invitations.none")}
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" aria-label={t("people.page.pendingInvitations")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("people.invitations.invited")}</Table.Th>
              {ofPartner && <Table.Th>{t("people.type")}</Table.Th>}
              {ofPartner && <Table.Th>{t("people.invitations.account")}</Table.Th>}
              <Table.Th>{t("people.invitations.link")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {invitation.name}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {invitation.email}
                    </Text>
                  </Stack>
                </Table.Td>
                {ofPartner && (
                  <Table.Td>
                    {"userType" in invitation && <UserTypeBadge type={invitation.userType} />}
                  </Table.Td>
                )}
                {ofPartner && (
                  <Table.Td>
                    <Text size="sm">
                      {("account" in invitation && invitation.account?.name) || "—"}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  {invitation.expired ? (
                    <Badge color="orange" variant="light" radius="sm">
                      {t("people.invitations.expired")}
                    </Badge>
                  ) : (
                    <Text size="sm">
                      {t("people.invitations.worksUntil", {
                        date: format.dateTime(invitation.expiresAt),
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconSend size={14} />}
                      aria-label={t("people.invitations.resendTo", { email: invitation.email })}
                      loading={resend.isPending && resend.variables === invitation.id}
                      disabled={revoke.isPending && revoke.variables === invitation.id}
                      onClick={() =>
                        resend.mutate(invitation.id, {
                          onSuccess: () =>
                            notifications.show({
                              color: "green",
                              message: t("people.invitations.resent", { email: invitation.email }),
                            }),
                        })
                      }
                    >
                      {t("people.invitations.resend")}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconBan size={14} />}
                      aria-label={t("people.invitations.revokeTo", { email: invitation.email })}
                      onClick={() => setRevoking(invitation)}
                    >
                      {t("people.invitations.revoke")}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={revoking !== null}
        title={t("people.invitations.revokeTitle")}
        confirmLabel={t("people.invitations.revoke")}
        danger
        loading={revoke.isPending}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifications.show({
                color: "green",
                message: t("people.invitations.revoked", { email: revoking.email }),
              });
              setRevoking(null);
            },
          })
        }
        onClose={() => setRevoking(null)}
      >
        {t("people.invitations.revokeText", { email: revoking?.email ?? "" })}
      </ConfirmModal>
    </>
  );
}
