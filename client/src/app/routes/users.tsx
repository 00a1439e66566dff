import { Button, Stack, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconUserPlus } from "@tabler/icons-react";
import { LoadingState } from "../../components/loading-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useMe } from "../../features/auth/index.ts";
import {
  InvitationsTable,
  InviteUserModal,
  UsersTable,
  usePartnerPeople,
} from "../../features/people/index.ts";
import { useT } from "../../lib/i18n.tsx";

/** A SuperAdmin's Users page: the partner's users and the invitations waiting to be accepted. */
export function UsersRoute() {
  const t = useT();
  const me = useMe();
  const people = usePartnerPeople();
  const [inviting, { open, close }] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title={t("people.page.title")}
        description={
          me.partner
            ? t("people.page.description", { partner: me.partner.name })
            : t("people.page.descriptionOfYourPortfolio")
        }
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
            {t("people.page.inviteUser")}
          </Button>
        }
      />
      {people.data ? (
        <Stack gap="xl">
          <UsersTable users={people.data.users} myId={me.id} />
          <Stack gap="sm">
            <Title order={3}>{t("people.page.pendingInvitations")}</Title>
            <InvitationsTable invitations={people.data.invitations} />
          </Stack>
        </Stack>
      ) : (
        <LoadingState />
      )}
      <InviteUserModal opened={inviting} onClose={close} />
    </>
  );
}
