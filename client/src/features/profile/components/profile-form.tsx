import { Alert, Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { type Profile, profileUpdate } from "@shared/api/profile.ts";
import { LANGUAGE_NAMES, type Language } from "@shared/domain/languages.ts";
import { IconAlertCircle } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { FormattedMessage } from "react-intl";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { useLanguage, useT } from "../../../lib/i18n.tsx";
import { validateWith } from "../../../lib/zod-form.ts";
import { useUpdateProfile } from "../api/profile.ts";

interface Values {
  name: string;
  language: Language;
}

/** One's name and one's language: the web app's and that of Wattfolio's e-mails. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const t = useT();
  const { setLanguage } = useLanguage();
  const queryClient = useQueryClient();
  const update = useUpdateProfile();
  const languageOptions: { value: Language; label: string }[] = [
    { value: "en", label: LANGUAGE_NAMES.en },
    { value: "es", label: t("profile.languageOption.es") },
  ];
  const form = useForm<Values>({
    mode: "uncontrolled",
    initialValues: { name: profile.name, language: profile.language },
    validate: validateWith(profileUpdate, (values: Values) => values),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        update.mutate(values, {
          onSuccess: (saved) => {
            setLanguage(saved.language);
            // The server writes application summaries in the profile's language.
            void queryClient.invalidateQueries();
            // Rendered, not written now: in the language just saved.
            notifications.show({
              color: "green",
              message: <FormattedMessage id="profile.saved" />,
            });
          },
          onError: (error) => {
            if (error instanceof ApiError) form.setErrors(fieldErrorsOf(error));
          },
        }),
      )}
    >
      <Stack gap="md">
        {update.error && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title={t("profile.notSaved")}
            role="alert"
          >
            {update.error.message}
          </Alert>
        )}
        <TextInput
          label={t("auth.email")}
          value={profile.email}
          readOnly
          description={t("profile.emailDescription")}
        />
        <TextInput
          label={t("app.field.name")}
          autoComplete="name"
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <Select
          label={t("app.language")}
          description={t("profile.languageDescription")}
          data={languageOptions}
          allowDeselect={false}
          key={form.key("language")}
          {...form.getInputProps("language")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t("profile.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
