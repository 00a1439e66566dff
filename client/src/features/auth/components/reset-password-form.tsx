import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { PASSWORD_LENGTH, passwordReset } from "@shared/api/session.ts";
import { IconAlertCircle } from "@tabler/icons-react";
import { validateWith } from "../../../lib/zod-form.ts";
import { useResetPassword } from "../api/password-reset.ts";

interface Values {
  newPassword: string;
  repeated: string;
}

/** A new password, typed twice, for the token of an e-mailed link. */
export function ResetPasswordForm({ token, onReset }: { token: string; onReset: () => void }) {
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
      ...(values.repeated === values.newPassword
        ? {}
        : { repeated: "Type the same password twice" }),
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
            title="The password was not changed"
            role="alert"
          >
            {reset.error.message}
          </Alert>
        )}
        <PasswordInput
          label="New password"
          description={`At least ${PASSWORD_LENGTH.min} characters`}
          autoComplete="new-password"
          key={form.key("newPassword")}
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label="New password again"
          autoComplete="new-password"
          key={form.key("repeated")}
          {...form.getInputProps("repeated")}
        />
        <Button type="submit" fullWidth loading={reset.isPending}>
          Save the new password
        </Button>
      </Stack>
    </form>
  );
}
