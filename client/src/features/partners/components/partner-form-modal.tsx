import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { type Partner, type PartnerBody, partnerBody } from "@shared/api/partners.ts";
import { LANGUAGE_NAMES, LANGUAGES } from "@shared/domain/languages.ts";
import { timeZoneChoices } from "@shared/domain/partners.ts";
import { type FormEvent, useMemo, useState } from "react";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { notifyError } from "../../../lib/query-client.ts";
import { formErrorsOf } from "../../../lib/zod-form.ts";

/** Each language in its own name, whichever language the form is shown in. */
const LANGUAGE_OPTIONS = LANGUAGES.map((language) => ({
  value: language,
  label: LANGUAGE_NAMES[language],
}));

const EMPTY: PartnerBody = {
  name: "",
  country: "ES",
  timeZone: "Europe/Madrid",
  defaultLanguage: "en",
};

interface PartnerFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The partner to change; a new one when absent. */
  partner?: Partner;
  pending: boolean;
  save: (
    body: PartnerBody,
    callbacks: { onSuccess: () => void; onError: (error: Error) => void },
  ) => void;
}

/** A partner's name, country, time zone and default language: to create it, or to change them. */
export function PartnerFormModal({
  opened,
  onClose,
  partner,
  pending,
  save,
}: PartnerFormModalProps) {
  const t = useT();
  const format = useFormat();
  const initial = partner
    ? {
        name: partner.name,
        country: partner.country,
        timeZone: partner.timeZone,
        defaultLanguage: partner.defaultLanguage,
      }
    : EMPTY;
  const [values, setValues] = useState<PartnerBody>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const zones = useMemo(() => {
    const choices = timeZoneChoices();
    // A zone this browser does not list (an older name, say) stays choosable as it is.
    return choices.includes(initial.timeZone) ? choices : [initial.timeZone, ...choices];
  }, [initial.timeZone]);

  const set = (changes: Partial<PartnerBody>) =>
    setValues((current) => ({ ...current, ...changes }));
  const close = () => {
    setValues(initial);
    setErrors({});
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = partnerBody.safeParse(values);
    if (!checked.success) {
      setErrors(formErrorsOf(checked.error));
      return;
    }
    setErrors({});
    save(checked.data, {
      onSuccess: close,
      onError: (error) => {
        const fields = error instanceof ApiError ? fieldErrorsOf(error) : {};
        if (Object.keys(fields).length > 0) setErrors(fields);
        else notifyError(error);
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={partner ? t("partners.form.edit") : t("partners.newPartner")}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t("partners.name")}
            value={values.name}
            onChange={(event) => set({ name: event.currentTarget.value })}
            error={errors.name}
            data-autofocus
          />
          <Select
            label={t("partners.country")}
            data={format.countryOptions}
            value={values.country}
            onChange={(country) => set({ country: country ?? "" })}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t("partners.form.noCountry")}
            error={errors.country}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t("partners.timeZone")}
            description={t("partners.form.timeZoneDescription")}
            data={zones}
            value={values.timeZone}
            onChange={(timeZone) => set({ timeZone: timeZone ?? "" })}
            searchable
            allowDeselect={false}
            limit={100}
            nothingFoundMessage={t("partners.form.noTimeZone")}
            error={errors.timeZone}
            comboboxProps={{ withinPortal: true }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="partner-default-language">
              {t("partners.defaultLanguage")}
            </Text>
            <SegmentedControl
              aria-labelledby="partner-default-language"
              value={values.defaultLanguage}
              onChange={(language) =>
                set({ defaultLanguage: language as PartnerBody["defaultLanguage"] })
              }
              data={LANGUAGE_OPTIONS}
            />
            <Text size="xs" c="dimmed">
              {t("partners.form.languageDescription")}
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {partner ? t("partners.form.saveChanges") : t("partners.form.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
