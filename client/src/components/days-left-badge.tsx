import { Badge, type MantineColor } from "@mantine/core";
import { useT } from "../lib/i18n.tsx";

function colorOf(daysLeft: number): MantineColor {
  if (daysLeft <= 7) return "red";
  if (daysLeft <= 30) return "orange";
  return "gray";
}

/** Days to the end of the term: red in the last week (or once expired), orange in the last month. */
export function DaysLeftBadge({ daysLeft }: { daysLeft: number }) {
  const t = useT();
  const label =
    daysLeft > 0
      ? t("common.days", { count: daysLeft })
      : daysLeft === 0
        ? t("app.daysLeft.endsToday")
        : t("app.status.expired");
  return (
    <Badge color={colorOf(daysLeft)} variant={daysLeft <= 7 ? "filled" : "light"} radius="sm">
      {label}
    </Badge>
  );
}
