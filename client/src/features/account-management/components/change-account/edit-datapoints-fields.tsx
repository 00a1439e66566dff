import { NumberInput } from "@mantine/core";
import type { ChangeFieldsProps } from "./change-form.ts";

/** A signed number: positive adds datapoints, negative removes them. */
export function EditDatapointsFields({ fields }: ChangeFieldsProps) {
  return (
    <NumberInput
      label="Change in datapoints"
      description="A positive number adds datapoints; a negative one (e.g. -50) removes them."
      data-autofocus
      {...fields.number("change")}
      allowNegative
    />
  );
}
