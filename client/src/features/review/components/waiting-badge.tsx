import { Badge, type MantineColor } from "@mantine/core";
import { waitingFor, waitingUrgency } from "@shared/domain/waiting.ts";
import { IconClock } from "@tabler/icons-react";
import { useT } from "../../../lib/i18n.tsx";

const COLOR: Record<ReturnType<typeof waitingUrgency>, MantineColor> = {
  fresh: "gray",
  late: "orange",
  overdue: "red",
};

/** How long a pending application has waited ("3 days", "2 h"), amber when late, red when overdue. */
export function WaitingBadge({ seconds }: { seconds: number }) {
  const t = useT();
  const { unit, count } = waitingFor(seconds);
  return (
    <Badge
      color={COLOR[waitingUrgency(seconds)]}
      variant="light"
      radius="sm"
      tt="none"
      leftSection={<IconClock size={12} aria-hidden />}
    >
      {t(`review.waiting.${unit}`, { count })}
    </Badge>
  );
}
