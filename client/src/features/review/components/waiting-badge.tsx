import { Badge, type MantineColor, VisuallyHidden } from "@mantine/core";
import { waitingFor, waitingUrgency } from "@shared/domain/waiting.ts";
import { IconClock } from "@tabler/icons-react";
import { useT } from "../../../lib/i18n.tsx";

const COLOR: Record<ReturnType<typeof waitingUrgency>, MantineColor> = {
  fresh: "gray",
  late: "orange",
  overdue: "red",
};

/**
 * How long a pending application has waited ("3 days", "2 h"), amber when late, red when overdue;
 * the colour's meaning is said in words too, for whoever does not see it.
 */
export function WaitingBadge({ seconds }: { seconds: number }) {
  const t = useT();
  const { unit, count } = waitingFor(seconds);
  const urgency = waitingUrgency(seconds);
  return (
    <Badge
      color={COLOR[urgency]}
      variant="light"
      radius="sm"
      tt="none"
      leftSection={<IconClock size={12} aria-hidden />}
    >
      {t(`review.waiting.${unit}`, { count })}
      {urgency !== "fresh" && <VisuallyHidden> ({t(`review.waiting.${urgency}`)})</VisuallyHidden>}
    </Badge>
  );
}
