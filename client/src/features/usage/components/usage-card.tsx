import { Divider, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { AccountDetail } from "@shared/api/accounts.ts";
import { DatapointsBar } from "../../../components/datapoints-bar.tsx";
import { Fact } from "../../../components/fact.tsx";
import { ACCOUNT_FIELD_LABELS as LABELS } from "../../../lib/account-fields.ts";
import { formatNumber } from "../../../lib/format.ts";
import { useAccountUsage } from "../api/usage.ts";

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {formatNumber(value)}
      </Text>
    </Stack>
  );
}

/** What the platform uses of the account's entitlements, as the usage API reports it. */
export function UsageCard({ account }: { account: AccountDetail }) {
  const usage = useAccountUsage(account.id);
  const datapoints = usage.data?.datapoints ?? account.datapoints;
  const sms = usage.data?.smsCredits;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="usage-title">
      <Title order={4} mb="md" id="usage-title">
        Usage
      </Title>
      <Stack gap="md">
        <Text size="sm" fw={600}>
          Datapoints (DP)
        </Text>
        <SimpleGrid cols={3} aria-label="Datapoints usage">
          <Stat label="Contracted" value={datapoints.contracted} />
          <Stat label="Used" value={datapoints.used} />
          <Stat
            label="Left"
            value={datapoints.left}
            color={datapoints.left === 0 ? "red.7" : undefined}
          />
        </SimpleGrid>
        <DatapointsBar datapoints={datapoints} size="lg" />
        <Divider />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg">
          <Fact label={LABELS.smsCredits}>
            {sms ? (
              <Group gap={4}>
                <Text size="sm" fw={600}>
                  {formatNumber(sms.left)} left
                </Text>
                <Text size="sm" c="dimmed">
                  · {formatNumber(sms.used)} of {formatNumber(sms.contracted)} spent
                </Text>
              </Group>
            ) : (
              <Skeleton height={14} width={120} />
            )}
          </Fact>
          <Fact label={LABELS.rtmMeters}>{formatNumber(account.rtmMeters)}</Fact>
          <Fact label={LABELS.additionalPods}>{formatNumber(account.additionalPods)}</Fact>
          <Fact label={LABELS.rtcLines}>{formatNumber(account.rtcLines)}</Fact>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
