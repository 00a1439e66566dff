import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { ApiError } from "../../../lib/api.ts";
import { type Credentials, useSignIn } from "../api/sign-in.ts";

function reasonOf(error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.status === 401) return "The e-mail or the password is not right.";
  return error.message;
}

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const form = useForm<Credentials>({
    mode: "uncontrolled",
    initialValues: { email: "", password: "" },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : "Enter your e-mail address"),
      password: (value) => (value ? null : "Enter your password"),
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
            title="Could not sign in"
            role="alert"
          >
            {reasonOf(signIn.error)}
          </Alert>
        )}
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="username"
          placeholder="you@company.com"
          key={form.key("email")}
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <Button type="submit" fullWidth loading={signIn.isPending} mt="xs">
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
