import { Alert, Anchor, Group, List, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { USER_TYPE_MEANINGS } from "@shared/domain/people.ts";
import { IconAlertCircle } from "@tabler/icons-react";
import { Link, useNavigate, useParams } from "react-router";
import { LoadingState } from "../../components/loading-state.tsx";
import { AcceptInvitationForm, useInvitation } from "../../features/people/index.ts";
import { ApiError } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { PublicPage } from "../public-page.tsx";

/** The page an invitation e-mail links to: `/invitations/<token>`. */
export function InvitationRoute() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const invitation = useInvitation(token);

  if (invitation.error) {
    const expired = invitation.error instanceof ApiError && invitation.error.status === 410;
    return (
      <PublicPage title={expired ? "This invitation has expired" : "This invitation does not work"}>
        <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
          {invitation.error.message}
        </Alert>
        <Group justify="center" mt="md">
          <Anchor component={Link} to="/login" size="sm">
            Sign in
          </Anchor>
        </Group>
      </PublicPage>
    );
  }
  const view = invitation.data;
  if (!view) return <LoadingState />;
  const joining = view.partner ? view.partner.name : "the Customer Success team";

  return (
    <PublicPage
      title={`Join ${joining} on Wattfolio`}
      description={`${view.invitedBy ?? "The Wattfolio team"} invites you, ${view.name}.`}
    >
      <List size="sm" spacing={4} mb="lg">
        <List.Item>
          You sign in as{" "}
          <Text span fw={600}>
            {view.email}
          </Text>
        </List.Item>
        {view.userType && (
          <List.Item>
            As {USER_TYPE_MEANINGS[view.userType].label}:{" "}
            {USER_TYPE_MEANINGS[view.userType].meaning}
          </List.Item>
        )}
        {view.account && <List.Item>With access to the account {view.account.name}</List.Item>}
        <List.Item>The link works until {formatDateTime(view.expiresAt)}</List.Item>
      </List>
      <AcceptInvitationForm
        token={token}
        onAccepted={() => {
          notifications.show({
            color: "green",
            message: "Welcome to Wattfolio. Sign in with your e-mail address and new password.",
          });
          void navigate("/login", { replace: true });
        }}
      />
    </PublicPage>
  );
}
