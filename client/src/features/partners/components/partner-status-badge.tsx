import { Badge } from "@mantine/core";
import type { Partner } from "@shared/api/partners.ts";

export function PartnerStatusBadge({ status }: { status: Partner["status"] }) {
  return status === "active" ? (
    <Badge color="teal" variant="light" radius="sm">
      Active
    </Badge>
  ) : (
    <Badge color="red" variant="light" radius="sm">
      Suspended
    </Badge>
  );
}
