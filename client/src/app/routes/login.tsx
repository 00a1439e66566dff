import { Center, Paper, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useNavigate, useSearchParams } from "react-router";
import { LoginForm } from "../../features/auth/index.ts";
import { Logo } from "../logo.tsx";

/** Only paths of this app are followed after signing in, never another site. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginRoute() {
  useDocumentTitle("Sign in · Wattfolio");
  const navigate = useNavigate();
  const [params] = useSearchParams();

  return (
    <Center
      mih="100vh"
      p="md"
      style={{
        background:
          "linear-gradient(135deg, var(--mantine-color-indigo-0) 0%, var(--mantine-color-gray-0) 50%, var(--mantine-color-cyan-0) 100%)",
      }}
    >
      <Stack align="center" gap="lg" w="100%" maw={420}>
        <Logo size="lg" />
        <Paper withBorder shadow="md" radius="lg" p="xl" w="100%">
          <Stack gap={4} mb="lg">
            <Title order={3}>Sign in</Title>
            <Text size="sm" c="dimmed">
              Accounts, licences and quotas of your energy management platform.
            </Text>
          </Stack>
          <LoginForm
            onSignedIn={() => void navigate(safeNext(params.get("next")), { replace: true })}
          />
        </Paper>
      </Stack>
    </Center>
  );
}
