import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { passwordResetRequest } from "@shared/api/session.ts";
import { IconAlertCircle, IconMailCheck } from "@tabler/icons-react";
import { validateWith } from "../../../lib/zod-form.ts";
import { useRequestPasswordReset } from "../api/password-reset.ts";

/**
 * Asks for a reset link. The confirmation is the same whether or not the address belongs to
 * someone, so the page tells nobody who has an account.
 */
export function ForgotPasswordForm() {
  const request = useRequestPasswordReset();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { email: "" },
    validate: validateWith(passwordResetRequest, (values: { email: string }) => ({
      email: values.email.trim(),
    })),
  });

  if (request.isSuccess) {
    return (
      <Alert
        color="teal"
        icon={<IconMailCheck size={18} />}
        title="Check your e-mail"
        role="status"
      >
        If this address belongs to a Wattfolio user, we have sent it a link to choose a new
        password. The link works once, for an hour. Nothing arrived? Look in your spam folder, or
        ask again in a few minutes.
      </Alert>
    );
  }

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => request.mutate({ email: values.email.trim() }))}
    >
      <Stack gap="md">
        <Text size="sm">
          Type the e-mail address you sign in with. We will send you a link to choose a new
          password.
        </Text>
        {request.error && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title="Could not send"
            role="alert"
          >
            {request.error.message}
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
        <Button type="submit" fullWidth loading={request.isPending}>
          Send me a link
        </Button>
      </Stack>
    </form>
  );
}
