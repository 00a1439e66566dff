import { Anchor, Group } from "@mantine/core";
import { Link } from "react-router";
import { ForgotPasswordForm } from "../../features/auth/index.ts";
import { PublicPage } from "../public-page.tsx";

export function ForgotPasswordRoute() {
  return (
    <PublicPage title="Forgot your password?">
      <ForgotPasswordForm />
      <Group justify="center" mt="md">
        <Anchor component={Link} to="/login" size="sm">
          Back to signing in
        </Anchor>
      </Group>
    </PublicPage>
  );
}
