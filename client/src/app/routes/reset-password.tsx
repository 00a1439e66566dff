import { Alert, Anchor, Button, Group } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ResetPasswordForm } from "../../features/auth/index.ts";
import { useT } from "../../lib/i18n.tsx";
import { PublicPage } from "../public-page.tsx";

/** The page the reset e-mail links to: `/reset-password?token=…`. */
export function ResetPasswordRoute() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get("token");

  return (
    <PublicPage title={t("auth.reset.title")} description={t("auth.reset.description")}>
      {token ? (
        <ResetPasswordForm
          token={token}
          onReset={() => {
            notifications.show({
              color: "green",
              message: t("auth.reset.done"),
            });
            void navigate("/login", { replace: true });
          }}
        />
      ) : (
        <Alert color="red" icon={<IconAlertCircle size={18} />} title={t("auth.reset.incomplete")}>
          {t("auth.reset.incompleteText")}
          <Button component={Link} to="/forgot-password" variant="light" mt="sm" display="block">
            {t("auth.reset.askNewLink")}
          </Button>
        </Alert>
      )}
      <Group justify="center" mt="md">
        <Anchor component={Link} to="/login" size="sm">
          {t("auth.backToSignIn")}
        </Anchor>
      </Group>
    </PublicPage>
  );
}
