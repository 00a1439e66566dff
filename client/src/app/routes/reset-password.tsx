import { Alert, Anchor, Button, Group } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ResetPasswordForm } from "../../features/auth/index.ts";
import { PublicPage } from "../public-page.tsx";

/** The page the reset e-mail links to: `/reset-password?token=…`. */
export function ResetPasswordRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get("token");

  return (
    <PublicPage
      title="Choose a new password"
      description="Every session you had ends; then sign in with the new password."
    >
      {token ? (
        <ResetPasswordForm
          token={token}
          onReset={() => {
            notifications.show({
              color: "green",
              message: "Your password is changed. Sign in with it.",
            });
            void navigate("/login", { replace: true });
          }}
        />
      ) : (
        <Alert color="red" icon={<IconAlertCircle size={18} />} title="This link is incomplete">
          Open the link from the e-mail as it is, or ask for a new one.
          <Button component={Link} to="/forgot-password" variant="light" mt="sm" display="block">
            Ask for a new link
          </Button>
        </Alert>
      )}
      <Group justify="center" mt="md">
        <Anchor component={Link} to="/login" size="sm">
          Back to signing in
        </Anchor>
      </Group>
    </PublicPage>
  );
}
