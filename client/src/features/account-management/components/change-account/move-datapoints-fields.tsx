import { NumberInput, Select, SimpleGrid } from "@mantine/core";
import type { ChangeFieldsProps } from "./change-form.ts";

/** How many datapoints leave this account, and which account of the portfolio receives them. */
export function MoveDatapointsFields({ account, targets, fields }: ChangeFieldsProps) {
  return (
    <SimpleGrid cols={2}>
      <NumberInput label="Datapoints to move" data-autofocus {...fields.number("datapoints")} />
      <Select
        label="Receiving account"
        placeholder="Choose an account"
        searchable
        nothingFoundMessage="No active account of your portfolio matches"
        data={targets
          .filter((item) => item.id !== account.id)
          .map((item) => ({ value: item.id, label: item.name }))}
        {...fields.input("targetAccountId")}
      />
    </SimpleGrid>
  );
}
