import { Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { AccountSummary } from "@shared/api/accounts.ts";
import type { ChangeKind } from "@shared/domain/applications.ts";
import type { ReactNode } from "react";
import { type Format, useFormat } from "../../../../lib/format.ts";
import { type Translate, useT } from "../../../../lib/i18n.tsx";

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
function currentValues(
  kind: ChangeKind,
  account: AccountSummary,
  t: Translate,
  format: Format,
): [string, ReactNode][] {
  const dp = account.datapoints;
  const datapoints: [string, ReactNode] = [
    t("app.accountField.datapoints"),
    t("accounts.change.currentDatapoints", {
      contracted: dp.contracted,
      used: dp.used,
      left: dp.left,
    }),
  ];
  switch (kind) {
    case "edit_datapoints":
    case "move_datapoints":
      return [datapoints];
    case "edit_licence":
      return [[t("app.accountField.licenceId"), account.licence.name]];
    case "upgrade_meters":
      return [
        [t("accounts.field.billManagement"), account.billManagementType?.name ?? t("common.none")],
        [t("accounts.change.rtmMeters"), format.number(account.rtmMeters)],
        [t("app.accountField.additionalPods"), format.number(account.additionalPods)],
        [t("app.accountField.rtcLines"), format.number(account.rtcLines)],
      ];
    case "buy_sms_credits":
      return [[t("app.accountField.smsCredits"), format.number(account.smsCredits)]];
    case "renew_subscription":
      return [
        [t("app.accountField.endsOn"), format.date(account.endsOn)],
        [t("accounts.field.status"), t(`app.status.${account.status}`)],
      ];
  }
}

/** The panel above the fields: where the change starts from. */
export function CurrentValues({ kind, account }: { kind: ChangeKind; account: AccountSummary }) {
  const t = useT();
  const format = useFormat();
  const current = currentValues(kind, account, t, format);
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
