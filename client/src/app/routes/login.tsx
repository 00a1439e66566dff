import { Anchor, Group } from "@mantine/core";
import { Link, useNavigate, useSearchParams } from "react-router";
import { LoginForm } from "../../features/auth/index.ts";
import { PublicPage } from "../public-page.tsx";

/** Only paths of this app are followed after signing in, never another site. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();

  return (
    <PublicPage
      title="Sign in"
      description="Accounts, licences and quotas of your energy management platform."
    >
      <LoginForm
        onSignedIn={() => void navigate(safeNext(params.get("next")), { replace: true })}
      />
      <Group justify="center" mt="md">
        <Anchor component={Link} to="/forgot-password" size="sm">
          Forgot password?
        </Anchor>
      </Group>
    </PublicPage>
  );
}
