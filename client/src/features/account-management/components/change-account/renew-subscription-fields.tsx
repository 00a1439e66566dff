import { Text } from "@mantine/core";
import { RENEWAL_MONTHS } from "@shared/domain/changes.ts";
import type { ChangeFieldsProps } from "./change-form.ts";

/** Nothing to choose: a renewal adds a year, from the end date or, once expired, from approval. */
export function RenewSubscriptionFields({ account }: ChangeFieldsProps) {
  return (
    <Text size="sm">
      Renewing adds {RENEWAL_MONTHS} months{" "}
      {account.status === "active"
        ? "from the current end date."
        : "from the day Customer Success approves it; the account is active again."}
    </Text>
  );
}
