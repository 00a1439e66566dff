import { NumberInput } from "@mantine/core";
import { useT } from "../../../../lib/i18n.tsx";
import type { ChangeFieldsProps } from "./change-form.ts";

/** Credits added to those the account has. */
export function BuySmsCreditsFields({ fields }: ChangeFieldsProps) {
  const t = useT();
  return (
    <NumberInput
      label={t("accounts.change.smsCreditsToBuy")}
      data-autofocus
      {...fields.number("credits")}
    />
  );
}
