import { Text } from "@mantine/core";
import { RENEWAL_MONTHS } from "@shared/domain/changes.ts";
import { useT } from "../../../../lib/i18n.tsx";
import type { ChangeFieldsProps } from "./change-form.ts";

/** Nothing to choose: a renewal adds a year, from the end date or, once expired, from approval. */
export function RenewSubscriptionFields({ account }: ChangeFieldsProps) {
  const t = useT();
  return (
    <Text size="sm">
      {t(
        account.status === "active"
          ? "accounts.change.renewActive"
          : "accounts.change.renewExpired",
        { months: RENEWAL_MONTHS },
      )}
    </Text>
  );
}
