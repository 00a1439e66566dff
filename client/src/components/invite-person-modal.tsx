import { Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { type InvitePersonBody, invitePersonBody } from "@shared/api/partners.ts";
import { LANGUAGES } from "@shared/domain/languages.ts";
import { type FormEvent, useState } from "react";
import { ApiError, fieldErrorsOf } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";
import { notifyError } from "../lib/query-client.ts";
import { formErrorsOf } from "../lib/zod-form.ts";

interface InvitePersonModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** Whom the invitation makes them: "a SuperAdmin of Enérgya", "a member of the team". */
  description: string;
  /** The language the e-mail is in unless another is chosen. */
  defaultLanguage: "en" | "es";
  pending: boolean;
  invite: (
    body: InvitePersonBody,
    callbacks: { onSuccess: () => void; onError: (error: Error) => void },
  ) => void;
}

/** Name, e-mail address and language of someone to invite; the link goes out by e-mail. */
export function InvitePersonModal({
  opened,
  onClose,
  title,
  description,
  defaultLanguage,
  pending,
  invite,
}: InvitePersonModalProps) {
  const t = useT();
  const languageOptions = LANGUAGES.map((value) => ({
    value,
    label: t(`app.languageOption.${value}`),
  }));
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [language, setLanguage] = useState<string>(defaultLanguage);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const close = () => {
    setName("");
    setEmail("");
    setLanguage(defaultLanguage);
    setErrors({});
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = invitePersonBody.safeParse({ name, email, language });
    if (!checked.success) {
      setErrors(formErrorsOf(checked.error));
      return;
    }
    setErrors({});
    invite(checked.data, {
      onSuccess: close,
      onError: (error) => {
        const fields = error instanceof ApiError ? fieldErrorsOf(error) : {};
        if (Object.keys(fields).length > 0) setErrors(fields);
        else notifyError(error);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{description}</Text>
          <TextInput
            label={t("app.field.name")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            autoComplete="off"
            data-autofocus
          />
          <TextInput
            label={t("app.field.emailAddress")}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.email}
            autoComplete="off"
          />
          <Select
            label={t("app.invitePerson.language")}
            data={languageOptions}
            value={language}
            onChange={(value) => setLanguage(value ?? defaultLanguage)}
            allowDeselect={false}
            error={errors.language}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("app.invitePerson.send")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
