import { Badge } from "@mantine/core";
import type { Partner } from "@shared/api/partners.ts";
import { useT } from "../../../lib/i18n.tsx";

export function PartnerStatusBadge({ status }: { status: Partner["status"] }) {
  const t = useT();
  return status === "active" ? (
    <Badge color="teal" variant="light" radius="sm">
      {t("partners.active")}
    </Badge>
  ) : (
    <Badge color="red" variant="light" radius="sm">
      {t("partners.suspended")}
    </Badge>
  );
}
