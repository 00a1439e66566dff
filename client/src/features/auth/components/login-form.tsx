import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { ApiError } from "../../../lib/api.ts";
import { type Translate, useT } from "../../../lib/i18n.tsx";
import { type Credentials, useSignIn } from "../api/sign-in.ts";

function reasonOf(t: Translate, error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.status === 401) return t("auth.login.wrongCredentials");
  return error.message;
}

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useT();
  const signIn = useSignIn();
  const form = useForm<Credentials>({
    mode: "uncontrolled",
    initialValues: { email: "", password: "" },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : t("auth.login.enterEmail")),
      password: (value) => (value ? null : t("auth.login.enterPassword")),
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((credentials) =>
        signIn.mutate(
          { email: credentials.email.trim(), password: credentials.password },
          { onSuccess: onSignedIn },
        ),
      )}
    >
      <Stack gap="md">
        {signIn.error && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title={t("auth.login.couldNotSignIn")}
            role="alert"
          >
            {reasonOf(t, signIn.error)}
          </Alert>
        )}
        <TextInput
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          placeholder={t("auth.emailPlaceholder")}
          key={form.key("email")}
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label={t("auth.password")}
          autoComplete="current-password"
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <Button type="submit" fullWidth loading={signIn.isPending} mt="xs">
          {t("auth.signIn")}
        </Button>
      </Stack>
    </form>
  );
}
