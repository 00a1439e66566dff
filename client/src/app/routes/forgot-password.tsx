import { Anchor, Group } from "@mantine/core";
import { Link } from "react-router";
import { ForgotPasswordForm } from "../../features/auth/index.ts";
import { useT } from "../../lib/i18n.tsx";
import { PublicPage } from "../public-page.tsx";

export function ForgotPasswordRoute() {
  const t = useT();
  return (
    <PublicPage title={t("auth.forgot.title")}>
      <ForgotPasswordForm />
      <Group justify="center" mt="md">
        <Anchor component={Link} to="/login" size="sm">
          {t("auth.backToSignIn")}
        </Anchor>
      </Group>
    </PublicPage>
  );
}
