import { Alert, Anchor, Group, List, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { FormattedMessage } from "react-intl";
import { Link, useNavigate, useParams } from "react-router";
import { LoadingState } from "../../components/loading-state.tsx";
import { AcceptInvitationForm, useInvitation } from "../../features/people/index.ts";
import { ApiError } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.ts";
import { useT } from "../../lib/i18n.tsx";
import { PublicPage } from "../public-page.tsx";

/** The page an invitation e-mail links to: `/invitations/<token>`. */
export function InvitationRoute() {
  const t = useT();
  const format = useFormat();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const invitation = useInvitation(token);

  if (invitation.error) {
    const expired = invitation.error instanceof ApiError && invitation.error.status === 410;
    return (
      <PublicPage title={t(expired ? "app.invitation.expired" : "app.invitation.doesNotWork")}>
        <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
          {invitation.error.message}
        </Alert>
        <Group justify="center" mt="md">
          <Anchor component={Link} to="/login" size="sm">
            {t("auth.signIn")}
          </Anchor>
        </Group>
      </PublicPage>
    );
  }
  const view = invitation.data;
  if (!view) return <LoadingState />;

  return (
    <PublicPage
      title={
        view.partner
          ? t("app.invitation.joinPartner", { partner: view.partner.name })
          : t("app.invitation.joinStaff")
      }
      description={
        view.invitedBy
          ? t("app.invitation.invitedBy", { inviter: view.invitedBy, name: view.name })
          : t("app.invitation.invitedByTeam", { name: view.name })
      }
    >
      <List size="sm" spacing={4} mb="lg">
        <List.Item>
          <FormattedMessage
            id="app.invitation.signInAs"
            values={{
              email: view.email,
              b: (chunks: ReactNode[]) => (
                <Text span fw={600}>
                  {chunks}
                </Text>
              ),
            }}
          />
        </List.Item>
        {view.userType && (
          <List.Item>
            {t("app.invitation.userType", {
              type: t(`userType.${view.userType}`),
              meaning: t(`userType.${view.userType}.meaning`),
            })}
          </List.Item>
        )}
        {view.account && (
          <List.Item>{t("app.invitation.account", { account: view.account.name })}</List.Item>
        )}
        <List.Item>
          {t("app.invitation.validUntil", { date: format.dateTime(view.expiresAt) })}
        </List.Item>
      </List>
      <AcceptInvitationForm
        token={token}
        onAccepted={() => {
          notifications.show({ color: "green", message: t("app.invitation.welcome") });
          void navigate("/login", { replace: true });
        }}
      />
    </PublicPage>
  );
}
