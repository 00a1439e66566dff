import { Badge, type MantineColor } from "@mantine/core";
import type { AccountStatus } from "@shared/domain/accounts.ts";
import type { ApplicationStatus } from "@shared/domain/applications.ts";

type Status = AccountStatus | ApplicationStatus;

const LOOK: Record<Status, { color: MantineColor; label: string }> = {
  active: { color: "teal", label: "Active" },
  expired: { color: "gray", label: "Expired" },
  pending: { color: "yellow", label: "Pending" },
  approved: { color: "green", label: "Approved" },
  rejected: { color: "red", label: "Rejected" },
  withdrawn: { color: "gray", label: "Withdrawn" },
};

/** The state of an account or an application, in one colour language. */
export function StatusBadge({ status }: { status: Status }) {
  const { color, label } = LOOK[status];
  return (
    <Badge color={color} variant="light" radius="sm">
      {label}
    </Badge>
  );
}
