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
import { useT } from "../../lib/i18n.tsx";

export function PartnerRoute() {
  const t = useT();
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
        title={t("partners.detail.notFound")}
        text={t("partners.detail.notFoundText")}
        action={
          <Button component={Link} to="/staff/partners" mt="sm">
            {t("partners.detail.backToPartners")}
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
              ? t("partners.detail.reinstated", { name: current.name })
              : t("partners.detail.suspended", { name: current.name }),
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
        back={{ to: "/staff/partners", label: t("partners.title") }}
        actions={
          <>
            <Button leftSection={<IconUserPlus size={16} />} onClick={inviteModal.open}>
              {t("partners.detail.inviteSuperAdmin")}
            </Button>
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={editModal.open}
            >
              {t("partners.detail.edit")}
            </Button>
            <Button
              variant="light"
              color={suspended ? "teal" : "red"}
              leftSection={suspended ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
              onClick={confirmModal.open}
            >
              {suspended ? t("partners.detail.reinstate") : t("partners.detail.suspend")}
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
                notifications.show({ color: "green", message: t("partners.detail.saved") });
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
        title={
          suspended
            ? t("partners.detail.reinstateTitle", { name: current.name })
            : t("partners.detail.suspendTitle", { name: current.name })
        }
        confirmLabel={
          suspended ? t("partners.detail.reinstatePartner") : t("partners.detail.suspendPartner")
        }
        danger={!suspended}
        loading={suspension.isPending}
        onConfirm={toggle}
      >
        {suspended
          ? t("partners.detail.reinstateText")
          : t("partners.detail.suspendText", { count: current.userCount, name: current.name })}
      </ConfirmModal>
      <InvitePersonModal
        key={inviting ? "inviting" : "closed"}
        opened={inviting}
        onClose={inviteModal.close}
        title={t("partners.detail.inviteTitle")}
        description={t("partners.detail.inviteDescription", { name: current.name })}
        defaultLanguage={current.defaultLanguage}
        pending={invite.isPending}
        invite={(body, callbacks) =>
          invite.mutate(
            { id: current.id, body },
            {
              onSuccess: (invitation) => {
                notifications.show({
                  color: "green",
                  message: t("partners.detail.invitationSent", { email: invitation.email }),
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
