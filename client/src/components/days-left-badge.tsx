import { Badge, type MantineColor } from "@mantine/core";
import { count } from "../lib/format.ts";

function colorOf(daysLeft: number): MantineColor {
  if (daysLeft <= 7) return "red";
  if (daysLeft <= 30) return "orange";
  return "gray";
}

/** Days to the end of the term: red in the last week (or once expired), orange in the last month. */
export function DaysLeftBadge({ daysLeft }: { daysLeft: number }) {
  const label = daysLeft > 0 ? count(daysLeft, "day") : daysLeft === 0 ? "Ends today" : "Expired";
  return (
    <Badge color={colorOf(daysLeft)} variant={daysLeft <= 7 ? "filled" : "light"} radius="sm">
      {label}
    </Badge>
  );
}
