import { NumberInput } from "@mantine/core";
import type { ChangeFieldsProps } from "./change-form.ts";

/** Credits added to those the account has. */
export function BuySmsCreditsFields({ fields }: ChangeFieldsProps) {
  return <NumberInput label="SMS credits to buy" data-autofocus {...fields.number("credits")} />;
}
