import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { acceptInvitationBody } from "@shared/api/invitations.ts";
import { PASSWORD_LENGTH } from "@shared/api/session.ts";
import { IconAlertCircle } from "@tabler/icons-react";
import { useT } from "../../../lib/i18n.tsx";
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
  const t = useT();
  const accept = useAcceptInvitation(token);
  const checkSchema = validateWith(acceptInvitationBody, (values: Values) => ({
    password: values.password,
  }));
  const form = useForm<Values>({
    mode: "uncontrolled",
    initialValues: { password: "", repeated: "" },
    validate: (values) => ({
      ...checkSchema(values),
      ...(values.repeated === values.password ? {} : { repeated: t("people.accept.notTheSame") }),
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
            title={t("people.accept.notAccepted")}
            role="alert"
          >
            {accept.error.message}
          </Alert>
        )}
        <PasswordInput
          label={t("people.accept.password")}
          description={t("people.accept.passwordLength", { min: PASSWORD_LENGTH.min })}
          autoComplete="new-password"
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <PasswordInput
          label={t("people.accept.passwordAgain")}
          autoComplete="new-password"
          key={form.key("repeated")}
          {...form.getInputProps("repeated")}
        />
        <Button type="submit" fullWidth loading={accept.isPending}>
          {t("people.accept.submit")}
        </Button>
      </Stack>
    </form>
  );
}
