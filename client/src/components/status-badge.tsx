import { Badge, type MantineColor } from "@mantine/core";
import type { AccountStatus } from "@shared/domain/accounts.ts";
import type { ApplicationStatus } from "@shared/domain/applications.ts";
import { useT } from "../lib/i18n.tsx";

type Status = AccountStatus | ApplicationStatus;

const COLOR: Record<Status, MantineColor> = {
  active: "teal",
  expired: "gray",
  pending: "yellow",
  approved: "green",
  rejected: "red",
  withdrawn: "gray",
};

/** The state of an account or an application, in one colour language. */
export function StatusBadge({ status }: { status: Status }) {
  const t = useT();
  return (
    <Badge color={COLOR[status]} variant="light" radius="sm">
      {t(`app.status.${status}`)}
    </Badge>
  );
}
