import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconUserPlus } from "@tabler/icons-react";
import { InvitePersonModal } from "../../components/invite-person-modal.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { StaffList, useInviteColleague } from "../../features/staff/index.ts";

export function StaffRoute() {
  const [inviting, { open, close }] = useDisclosure(false);
  const invite = useInviteColleague();
  return (
    <>
      <PageHeader
        title="Customer Success team"
        description="Who reviews applications and keeps partners and the catalogue. Deactivated colleagues cannot sign in."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
            Invite a colleague
          </Button>
        }
      />
      <StaffList />
      <InvitePersonModal
        key={inviting ? "inviting" : "closed"}
        opened={inviting}
        onClose={close}
        title="Invite a colleague"
        description="They receive an e-mail link to join the Customer Success team."
        defaultLanguage="en"
        pending={invite.isPending}
        invite={(body, callbacks) =>
          invite.mutate(body, {
            onSuccess: (invitation) => {
              notifications.show({
                color: "green",
                message: `Invitation sent to ${invitation.email}.`,
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
