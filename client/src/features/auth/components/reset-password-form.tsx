import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { PASSWORD_LENGTH, passwordReset } from "@shared/api/session.ts";
import { IconAlertCircle } from "@tabler/icons-react";
import { useT } from "../../../lib/i18n.tsx";
import { validateWith } from "../../../lib/zod-form.ts";
import { useResetPassword } from "../api/password-reset.ts";

interface Values {
  newPassword: string;
  repeated: string;
}

/** A new password, typed twice, for the token of an e-mailed link. */
export function ResetPasswordForm({ token, onReset }: { token: string; onReset: () => void }) {
  const t = useT();
  const reset = useResetPassword();
  const checkSchema = validateWith(passwordReset, (values: Values) => ({
    token,
    newPassword: values.newPassword,
  }));
  const form = useForm<Values>({
    mode: "uncontrolled",
    initialValues: { newPassword: "", repeated: "" },
    validate: (values) => ({
      ...checkSchema(values),
      ...(values.repeated === values.newPassword ? {} : { repeated: t("auth.password.mismatch") }),
    }),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        reset.mutate({ token, newPassword: values.newPassword }, { onSuccess: onReset }),
      )}
    >
      <Stack gap="md">
        {reset.error && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title={t("auth.password.notChanged")}
            role="alert"
          >
            {reset.error.message}
          </Alert>
        )}
        <PasswordInput
          label={t("auth.password.new")}
          description={t("auth.password.minLength", { min: PASSWORD_LENGTH.min })}
          autoComplete="new-password"
          key={form.key("newPassword")}
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label={t("auth.password.again")}
          autoComplete="new-password"
          key={form.key("repeated")}
          {...form.getInputProps("repeated")}
        />
        <Button type="submit" fullWidth loading={reset.isPending}>
          {t("auth.reset.save")}
        </Button>
      </Stack>
    </form>
  );
}
