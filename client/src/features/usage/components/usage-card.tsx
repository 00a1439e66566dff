import { Divider, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { AccountDetail } from "@shared/api/accounts.ts";
import { DatapointsBar } from "../../../components/datapoints-bar.tsx";
import { Fact } from "../../../components/fact.tsx";
import { useAccountFieldLabels } from "../../../lib/account-fields.ts";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { ink } from "../../../lib/ink.ts";
import { useAccountUsage } from "../api/usage.ts";

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  const format = useFormat();
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {format.number(value)}
      </Text>
    </Stack>
  );
}

/** What the platform uses of the account's entitlements, as the usage API reports it. */
export function UsageCard({ account }: { account: AccountDetail }) {
  const t = useT();
  const format = useFormat();
  const LABELS = useAccountFieldLabels();
  const usage = useAccountUsage(account.id);
  const datapoints = usage.data?.datapoints ?? account.datapoints;
  const sms = usage.data?.smsCredits;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="usage-title">
      <Title order={4} mb="md" id="usage-title">
        {t("usage.card.title")}
      </Title>
      <Stack gap="md">
        <Text size="sm" fw={600}>
          {t("usage.card.datapoints")}
        </Text>
        <SimpleGrid cols={3} aria-label={t("usage.card.datapointsUsage")}>
          <Stat label={t("usage.card.contracted")} value={datapoints.contracted} />
          <Stat label={t("usage.card.used")} value={datapoints.used} />
          <Stat
            label={t("usage.card.left")}
            value={datapoints.left}
            color={datapoints.left === 0 ? ink("red") : undefined}
          />
        </SimpleGrid>
        <DatapointsBar datapoints={datapoints} size="lg" />
        <Divider />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg">
          <Fact label={LABELS.smsCredits}>
            {sms ? (
              <Group gap={4}>
                <Text size="sm" fw={600}>
                  {t("usage.card.smsLeft", { left: sms.left })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("usage.card.smsSpent", { used: sms.used, contracted: sms.contracted })}
                </Text>
              </Group>
            ) : (
              <Skeleton height={14} width={120} />
            )}
          </Fact>
          <Fact label={LABELS.rtmMeters}>{format.number(account.rtmMeters)}</Fact>
          <Fact label={LABELS.additionalPods}>{format.number(account.additionalPods)}</Fact>
          <Fact label={LABELS.rtcLines}>{format.number(account.rtcLines)}</Fact>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
