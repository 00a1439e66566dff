import { Alert, Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { type Profile, profileUpdate } from "@shared/api/profile.ts";
import type { Language } from "@shared/domain/languages.ts";
import { IconAlertCircle } from "@tabler/icons-react";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { validateWith } from "../../../lib/zod-form.ts";
import { useUpdateProfile } from "../api/profile.ts";

const LANGUAGE_OPTIONS: { value: Language; label: string }[] = [
  { value: "en", label: "English" },
  { value: "es", label: "Español (Spanish)" },
];

interface Values {
  name: string;
  language: Language;
}

/** One's name and the language Wattfolio's e-mails are written in. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const update = useUpdateProfile();
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
          onSuccess: () => notifications.show({ color: "green", message: "Profile saved." }),
          onError: (error) => {
            if (error instanceof ApiError) form.setErrors(fieldErrorsOf(error));
          },
        }),
      )}
    >
      <Stack gap="md">
        {update.error && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} title="Not saved" role="alert">
            {update.error.message}
          </Alert>
        )}
        <TextInput
          label="E-mail"
          value={profile.email}
          readOnly
          description="You sign in with it."
        />
        <TextInput
          label="Name"
          autoComplete="name"
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <Select
          label="Language of your e-mails"
          data={LANGUAGE_OPTIONS}
          allowDeselect={false}
          key={form.key("language")}
          {...form.getInputProps("language")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
