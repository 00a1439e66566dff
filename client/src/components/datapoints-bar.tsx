import { Group, type MantineColor, Progress, Stack, Text } from "@mantine/core";
import { type DatapointsBalance, datapointsUsage } from "@shared/domain/accounts.ts";
import { useT } from "../lib/i18n.tsx";
import { ink } from "../lib/ink.ts";

/** Amber from 80 % of the contract, red once it is used up. */
function colorOf(usage: number): MantineColor {
  if (usage >= 1) return "red";
  if (usage >= 0.8) return "yellow";
  return "teal";
}

interface DatapointsBarProps {
  datapoints: DatapointsBalance;
  size?: "sm" | "lg";
}

/** Datapoints used against the contract, as a bar whose colour says how close the limit is. */
export function DatapointsBar({ datapoints, size = "sm" }: DatapointsBarProps) {
  const t = useT();
  const usage = datapointsUsage(datapoints);
  const percent = Math.round(usage * 100);
  const { used, contracted } = datapoints;
  const color = colorOf(usage);
  const textSize = size === "sm" ? "xs" : "sm";
  return (
    <Stack gap={4} miw={size === "sm" ? 120 : undefined}>
      <Progress
        value={Math.min(100, usage * 100)}
        color={color}
        size={size === "sm" ? "md" : "xl"}
        radius="xl"
        aria-label={t("app.datapointsBar.label", { used, contracted })}
        data-usage={usage >= 1 ? "full" : usage >= 0.8 ? "high" : "normal"}
      />
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size={textSize} c="dimmed">
          {t("app.datapointsBar.amount", { used, contracted })}
        </Text>
        <Text size={textSize} fw={600} c={color === "teal" ? "dimmed" : ink(color)}>
          {t("app.datapointsBar.percent", { share: percent / 100 })}
        </Text>
      </Group>
    </Stack>
  );
}
