import { Anchor, Group } from "@mantine/core";
import { Link, useNavigate, useSearchParams } from "react-router";
import { LoginForm } from "../../features/auth/index.ts";
import { useT } from "../../lib/i18n.tsx";
import { PublicPage } from "../public-page.tsx";

/** Only paths of this app are followed after signing in, never another site. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginRoute() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  return (
    <PublicPage title={t("auth.signIn")} description={t("auth.login.description")}>
      <LoginForm
        onSignedIn={() => void navigate(safeNext(params.get("next")), { replace: true })}
      />
      <Group justify="center" mt="md">
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t("auth.login.forgotPassword")}
        </Anchor>
      </Group>
    </PublicPage>
  );
}
