import { NumberInput, Select, SimpleGrid } from "@mantine/core";
import { rtcLinesAllowed } from "@shared/domain/accounts.ts";
import { useT } from "../../../../lib/i18n.tsx";
import { billManagementTypeOptions } from "../../../../lib/zod-form.ts";
import type { ChangeFieldsProps } from "./change-form.ts";

/** The meters the account should have after the upgrade, starting from those it has. */
export function UpgradeMetersFields({ account, catalogue, fields }: ChangeFieldsProps) {
  const t = useT();
  const inSpain = rtcLinesAllowed(account.country);
  return (
    <SimpleGrid cols={2}>
      <Select
        label={t("app.accountField.billManagementTypeId")}
        allowDeselect={false}
        data={billManagementTypeOptions(t, catalogue)}
        {...fields.input("billManagementTypeId")}
      />
      <NumberInput label={t("app.accountField.rtmMeters")} {...fields.number("rtmMeters")} />
      <NumberInput
        label={t("app.accountField.additionalPods")}
        {...fields.number("additionalPods")}
      />
      <NumberInput
        label={t("app.accountField.rtcLines")}
        description={t("accounts.rtcOnlySpain")}
        disabled={!inSpain}
        {...fields.number("rtcLines")}
      />
    </SimpleGrid>
  );
}
