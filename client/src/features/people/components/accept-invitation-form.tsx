import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { acceptInvitationBody } from "@shared/api/invitations.ts";
import { PASSWORD_LENGTH } from "@shared/api/session.ts";
import { IconAlertCircle } from "@tabler/icons-react";
import { validateWith } from "../../../lib/zod-form.ts";
import { useAcceptInvitation } from "../api/invitation.ts";

interface Values {
  password: string;
  repeated: string;
}

/** The new user's password, typed twice; the link works once. */
export function AcceptInvitationForm({
  token,
  onAccepted,
}: {
  token: string;
  onAccepted: (email: string) => void;
}) {
  const accept = useAcceptInvitation(token);
  const checkSchema = validateWith(acceptInvitationBody, (values: Values) => ({
    password: values.password,
  }));
  const form = useForm<Values>({
    mode: "uncontrolled",
    initialValues: { password: "", repeated: "" },
    validate: (values) => ({
      ...checkSchema(values),
      ...(values.repeated === values.password ? {} : { repeated: "Type the same password twice" }),
    }),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        accept.mutate(
          { password: values.password },
          { onSuccess: (accepted) => onAccepted(accepted.email) },
        ),
      )}
    >
      <Stack gap="md">
        {accept.error && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title="The invitation was not accepted"
            role="alert"
          >
            {accept.error.message}
          </Alert>
        )}
        <PasswordInput
          label="Password"
          description={`At least ${PASSWORD_LENGTH.min} characters`}
          autoComplete="new-password"
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <PasswordInput
          label="Password again"
          autoComplete="new-password"
          key={form.key("repeated")}
          {...form.getInputProps("repeated")}
        />
        <Button type="submit" fullWidth loading={accept.isPending}>
          Accept and choose this password
        </Button>
      </Stack>
    </form>
  );
}
