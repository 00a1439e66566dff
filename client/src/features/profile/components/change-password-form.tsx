import { Alert, Button, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { PASSWORD_LENGTH, passwordChange } from "@shared/api/session.ts";
import { IconAlertCircle } from "@tabler/icons-react";
import { ApiError } from "../../../lib/api.ts";
import { validateWith } from "../../../lib/zod-form.ts";
import { useChangePassword } from "../api/profile.ts";

interface Values {
  currentPassword: string;
  newPassword: string;
  repeated: string;
}

const EMPTY: Values = { currentPassword: "", newPassword: "", repeated: "" };

function reasonOf(error: Error): string {
  // better-auth answers a wrong current password with a 400 of its own words.
  if (error instanceof ApiError && error.status === 400 && error.errors.length === 0) {
    return "The current password is not right.";
  }
  return error.message;
}

/** A new password, typed twice; every other session of the user ends with the change. */
export function ChangePasswordForm() {
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
      ...(values.repeated === values.newPassword
        ? {}
        : { repeated: "Type the same password twice" }),
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
                message: "Password changed. Your other sessions have ended.",
              });
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        <Text size="sm">
          Changing it signs you out everywhere else; this browser stays signed in.
        </Text>
        {change.error && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title="The password was not changed"
            role="alert"
          >
            {reasonOf(change.error)}
          </Alert>
        )}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          key={form.key("currentPassword")}
          {...form.getInputProps("currentPassword")}
        />
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
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
