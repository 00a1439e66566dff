import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import {
  IconBuildingOff,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconUserPlus,
} from "@tabler/icons-react";
import { Link, useParams } from "react-router";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { InvitePersonModal } from "../../components/invite-person-modal.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { MessagePage } from "../../components/message-page.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import {
  PartnerFormModal,
  PartnerOverview,
  PartnerStatusBadge,
  useChangePartner,
  useInviteSuperAdmin,
  usePartner,
  useSuspension,
} from "../../features/partners/index.ts";

export function PartnerRoute() {
  const { id = "" } = useParams();
  const partner = usePartner(id);
  const change = useChangePartner();
  const suspension = useSuspension();
  const invite = useInviteSuperAdmin();
  const [editing, editModal] = useDisclosure(false);
  const [confirming, confirmModal] = useDisclosure(false);
  const [inviting, inviteModal] = useDisclosure(false);

  if (partner.isError) {
    return (
      <MessagePage
        icon={<IconBuildingOff size={32} />}
        title="Partner not found"
        text="There is no partner here."
        action={
          <Button component={Link} to="/staff/partners" mt="sm">
            Back to partners
          </Button>
        }
      />
    );
  }
  if (!partner.data) return <LoadingState />;
  const current = partner.data;
  const suspended = current.status === "suspended";

  const toggle = () =>
    suspension.mutate(
      { id: current.id, suspend: !suspended },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: suspended
              ? `${current.name} is reinstated: its users can sign in again.`
              : `${current.name} is suspended: its users were signed out.`,
          });
          confirmModal.close();
        },
      },
    );

  return (
    <>
      <PageHeader
        title={current.name}
        extra={<PartnerStatusBadge status={current.status} />}
        back={{ to: "/staff/partners", label: "Partners" }}
        actions={
          <>
            <Button leftSection={<IconUserPlus size={16} />} onClick={inviteModal.open}>
              Invite SuperAdmin
            </Button>
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={editModal.open}
            >
              Edit
            </Button>
            <Button
              variant="light"
              color={suspended ? "teal" : "red"}
              leftSection={suspended ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
              onClick={confirmModal.open}
            >
              {suspended ? "Reinstate" : "Suspend"}
            </Button>
          </>
        }
      />
      <PartnerOverview partner={current} />
      <PartnerFormModal
        // A new form for each opening, filled with the partner as it is now.
        key={editing ? "editing" : "closed"}
        opened={editing}
        onClose={editModal.close}
        partner={current}
        pending={change.isPending}
        save={(body, callbacks) =>
          change.mutate(
            { id: current.id, body },
            {
              onSuccess: () => {
                notifications.show({ color: "green", message: "Partner saved." });
                callbacks.onSuccess();
              },
              onError: callbacks.onError,
            },
          )
        }
      />
      <ConfirmModal
        opened={confirming}
        onClose={confirmModal.close}
        title={suspended ? `Reinstate ${current.name}?` : `Suspend ${current.name}?`}
        confirmLabel={suspended ? "Reinstate partner" : "Suspend partner"}
        danger={!suspended}
        loading={suspension.isPending}
        onConfirm={toggle}
      >
        {suspended
          ? "Its users can sign in again. Nothing was removed while it was suspended."
          : `All ${current.userCount} users of ${current.name} are signed out at once and cannot sign in until it is reinstated. Its accounts, applications and data are kept.`}
      </ConfirmModal>
      <InvitePersonModal
        key={inviting ? "inviting" : "closed"}
        opened={inviting}
        onClose={inviteModal.close}
        title="Invite a SuperAdmin"
        description={`They receive an e-mail link to join ${current.name} as a SuperAdmin: the whole portfolio, applications and the partner's users.`}
        defaultLanguage={current.defaultLanguage}
        pending={invite.isPending}
        invite={(body, callbacks) =>
          invite.mutate(
            { id: current.id, body },
            {
              onSuccess: (invitation) => {
                notifications.show({
                  color: "green",
                  message: `Invitation sent to ${invitation.email}.`,
                });
                callbacks.onSuccess();
              },
              onError: callbacks.onError,
            },
          )
        }
      />
    </>
  );
}
