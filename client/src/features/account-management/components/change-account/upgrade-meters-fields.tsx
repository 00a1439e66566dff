import { NumberInput, Select, SimpleGrid } from "@mantine/core";
import { RTC_COUNTRY } from "@shared/domain/accounts.ts";
import { useT } from "../../../../lib/i18n.tsx";
import { billManagementTypeOptions } from "../../../../lib/zod-form.ts";
import type { ChangeFieldsProps } from "./change-form.ts";

/** The meters the account should have after the upgrade, starting from those it has. */
export function UpgradeMetersFields({ account, catalogue, fields }: ChangeFieldsProps) {
  const t = useT();
  const inSpain = account.country === RTC_COUNTRY;
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
        description={inSpain ? undefined : t("accounts.change.rtcOnlySpain")}
        disabled={!inSpain && account.rtcLines === 0}
        {...fields.number("rtcLines")}
      />
    </SimpleGrid>
  );
}
