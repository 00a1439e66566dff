import { Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { AccountSummary } from "@shared/api/accounts.ts";
import type { ChangeKind } from "@shared/domain/applications.ts";
import type { ReactNode } from "react";
import { formatEntitlement } from "../../../../lib/account-fields.ts";
import { formatNumber } from "../../../../lib/format.ts";

function Current({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Stack>
  );
}

/** What the account has now, of what this kind changes. */
function currentValues(kind: ChangeKind, account: AccountSummary): [string, ReactNode][] {
  const dp = account.datapoints;
  const datapoints: [string, ReactNode] = [
    "Datapoints",
    `${formatNumber(dp.contracted)} DP, ${formatNumber(dp.used)} used, ${formatNumber(dp.left)} left`,
  ];
  switch (kind) {
    case "edit_datapoints":
    case "move_datapoints":
      return [datapoints];
    case "edit_licence":
      return [["Licence", account.licence.name]];
    case "upgrade_meters":
      return [
        ["Bill Management", account.billManagementType?.name ?? "None"],
        ["RtM meters", formatNumber(account.rtmMeters)],
        ["Additional pods", formatNumber(account.additionalPods)],
        ["RTC lines", formatNumber(account.rtcLines)],
      ];
    case "buy_sms_credits":
      return [["SMS credits", formatNumber(account.smsCredits)]];
    case "renew_subscription":
      return [
        ["Ends on", formatEntitlement("endsOn", account.endsOn)],
        ["Status", account.status === "active" ? "Active" : "Expired"],
      ];
  }
}

/** The panel above the fields: where the change starts from. */
export function CurrentValues({ kind, account }: { kind: ChangeKind; account: AccountSummary }) {
  const current = currentValues(kind, account);
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0">
      <SimpleGrid cols={{ base: 2, sm: current.length }} spacing="sm">
        {current.map(([label, value]) => (
          <Current key={label} label={label} value={value} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}
