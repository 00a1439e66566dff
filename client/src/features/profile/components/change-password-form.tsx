import { Alert, Button, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { PASSWORD_LENGTH, passwordChange } from "@shared/api/session.ts";
import { IconAlertCircle } from "@tabler/icons-react";
import { ApiError } from "../../../lib/api.ts";
import { type Translate, useT } from "../../../lib/i18n.tsx";
import { validateWith } from "../../../lib/zod-form.ts";
import { useChangePassword } from "../api/profile.ts";

interface Values {
  currentPassword: string;
  newPassword: string;
  repeated: string;
}

const EMPTY: Values = { currentPassword: "", newPassword: "", repeated: "" };

function reasonOf(t: Translate, error: Error): string {
  // better-auth answers a wrong current password with a 400 of its own words.
  if (error instanceof ApiError && error.status === 400 && error.errors.length === 0) {
    return t("profile.password.currentWrong");
  }
  return error.message;
}

/** A new password, typed twice; every other session of the user ends with the change. */
export function ChangePasswordForm() {
  const t = useT();
  const change = useChangePassword();
  const checkSchema = validateWith(passwordChange, (values: Values) => ({
    currentPassword: values.currentPassword,
    newPassword: values.newPassword,
  }));
  const form = useForm<Values>({
    mode: "uncontrolled",
    initialValues: EMPTY,
    validate: (values) => ({
      ...checkSchema(values),
      ...(values.repeated === values.newPassword ? {} : { repeated: t("auth.password.mismatch") }),
    }),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        change.mutate(
          { currentPassword: values.currentPassword, newPassword: values.newPassword },
          {
            onSuccess: () => {
              form.setValues(EMPTY);
              notifications.show({
                color: "green",
                message: t("profile.password.changed"),
              });
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        <Text size="sm">{t("profile.password.intro")}</Text>
        {change.error && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title={t("auth.password.notChanged")}
            role="alert"
          >
            {reasonOf(t, change.error)}
          </Alert>
        )}
        <PasswordInput
          label={t("profile.password.current")}
          autoComplete="current-password"
          key={form.key("currentPassword")}
          {...form.getInputProps("currentPassword")}
        />
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
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            {t("profile.password.change")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
