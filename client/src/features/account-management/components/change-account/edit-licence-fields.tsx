import { Select } from "@mantine/core";
import { useT } from "../../../../lib/i18n.tsx";
import type { ChangeFieldsProps } from "./change-form.ts";

/** Another licence of the catalogue; the current one cannot be chosen. */
export function EditLicenceFields({ account, catalogue, fields }: ChangeFieldsProps) {
  const t = useT();
  return (
    <Select
      label={t("accounts.change.newLicence")}
      placeholder={t("accounts.chooseLicence")}
      data={(catalogue?.licences ?? []).map((licence) => ({
        value: licence.id,
        label: licence.name,
        disabled: licence.id === account.licence.id,
      }))}
      {...fields.input("licenceId")}
    />
  );
}
