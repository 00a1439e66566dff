import { NumberInput, Select, SimpleGrid } from "@mantine/core";
import { useT } from "../../../../lib/i18n.tsx";
import type { ChangeFieldsProps } from "./change-form.ts";

/** How many datapoints leave this account, and which account of the portfolio receives them. */
export function MoveDatapointsFields({ account, targets, fields }: ChangeFieldsProps) {
  const t = useT();
  return (
    <SimpleGrid cols={2}>
      <NumberInput
        label={t("accounts.change.datapointsToMove")}
        data-autofocus
        {...fields.number("datapoints")}
      />
      <Select
        label={t("accounts.change.receivingAccount")}
        placeholder={t("accounts.change.chooseAccount")}
        searchable
        nothingFoundMessage={t("accounts.change.noTarget")}
        data={targets
          .filter((item) => item.id !== account.id)
          .map((item) => ({ value: item.id, label: item.name }))}
        {...fields.input("targetAccountId")}
      />
    </SimpleGrid>
  );
}
