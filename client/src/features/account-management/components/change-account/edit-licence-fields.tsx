import { Select } from "@mantine/core";
import type { ChangeFieldsProps } from "./change-form.ts";

/** Another licence of the catalogue; the current one cannot be chosen. */
export function EditLicenceFields({ account, catalogue, fields }: ChangeFieldsProps) {
  return (
    <Select
      label="New licence"
      placeholder="Choose a licence"
      data={(catalogue?.licences ?? []).map((licence) => ({
        value: licence.id,
        label: licence.name,
        disabled: licence.id === account.licence.id,
      }))}
      {...fields.input("licenceId")}
    />
  );
}
