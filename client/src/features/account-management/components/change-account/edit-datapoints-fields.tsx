import { NumberInput } from "@mantine/core";
import { useT } from "../../../../lib/i18n.tsx";
import type { ChangeFieldsProps } from "./change-form.ts";

/** A signed number: positive adds datapoints, negative removes them. */
export function EditDatapointsFields({ fields }: ChangeFieldsProps) {
  const t = useT();
  return (
    <NumberInput
      label={t("accounts.change.datapointsChange")}
      description={t("accounts.change.datapointsChangeHint")}
      data-autofocus
      {...fields.number("change")}
      allowNegative
    />
  );
}
