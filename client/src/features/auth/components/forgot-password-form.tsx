import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { passwordResetRequest } from "@shared/api/session.ts";
import { IconAlertCircle, IconMailCheck } from "@tabler/icons-react";
import { useT } from "../../../lib/i18n.tsx";
import { validateWith } from "../../../lib/zod-form.ts";
import { useRequestPasswordReset } from "../api/password-reset.ts";

/**
 * Asks for a reset link. The confirmation is the same whether or not the address belongs to
 * someone, so the page tells nobody who has an account.
 */
export function ForgotPasswordForm() {
  const t = useT();
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
        title={t("auth.forgot.checkEmail")}
        role="status"
      >
        {t("auth.forgot.sent")}
      </Alert>
    );
  }

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => request.mutate({ email: values.email.trim() }))}
    >
      <Stack gap="md">
        <Text size="sm">{t("auth.forgot.intro")}</Text>
        {request.error && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title={t("auth.forgot.couldNotSend")}
            role="alert"
          >
            {request.error.message}
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
        <Button type="submit" fullWidth loading={request.isPending}>
          {t("auth.forgot.send")}
        </Button>
      </Stack>
    </form>
  );
}
