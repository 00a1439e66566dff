import { NumberInput, Select, SimpleGrid } from "@mantine/core";
import { RTC_COUNTRY } from "@shared/domain/accounts.ts";
import { billManagementTypeOptions } from "../../../../lib/zod-form.ts";
import type { ChangeFieldsProps } from "./change-form.ts";

/** The meters the account should have after the upgrade, starting from those it has. */
export function UpgradeMetersFields({ account, catalogue, fields }: ChangeFieldsProps) {
  const inSpain = account.country === RTC_COUNTRY;
  return (
    <SimpleGrid cols={2}>
      <Select
        label="Bill Management licence type"
        allowDeselect={false}
        data={billManagementTypeOptions(catalogue)}
        {...fields.input("billManagementTypeId")}
      />
      <NumberInput label="Real-time meters (RtM)" {...fields.number("rtmMeters")} />
      <NumberInput label="Additional pods" {...fields.number("additionalPods")} />
      <NumberInput
        label="RTC lines"
        description={inSpain ? undefined : "Only for accounts in Spain"}
        disabled={!inSpain && account.rtcLines === 0}
        {...fields.number("rtcLines")}
      />
    </SimpleGrid>
  );
}
