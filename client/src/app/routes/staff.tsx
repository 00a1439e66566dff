import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconUserPlus } from "@tabler/icons-react";
import { InvitePersonModal } from "../../components/invite-person-modal.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { StaffList, useInviteColleague } from "../../features/staff/index.ts";
import { useT } from "../../lib/i18n.tsx";

export function StaffRoute() {
  const t = useT();
  const [inviting, { open, close }] = useDisclosure(false);
  const invite = useInviteColleague();
  return (
    <>
      <PageHeader
        title={t("staff.title")}
        description={t("staff.description")}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
            {t("staff.invite")}
          </Button>
        }
      />
      <StaffList />
      <InvitePersonModal
        key={inviting ? "inviting" : "closed"}
        opened={inviting}
        onClose={close}
        title={t("staff.invite")}
        description={t("staff.inviteDescription")}
        defaultLanguage="en"
        pending={invite.isPending}
        invite={(body, callbacks) =>
          invite.mutate(body, {
            onSuccess: (invitation) => {
              notifications.show({
                color: "green",
                message: t("staff.invitationSent", { email: invitation.email }),
              });
              callbacks.onSuccess();
            },
            onError: callbacks.onError,
          })
        }
      />
    </>
  );
}
