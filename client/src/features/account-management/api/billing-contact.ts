import type { AccountDetail, BillingContactBody } from "@shared/api/accounts.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountKeys } from "../../accounts/index.ts";

interface BillingContactInput extends BillingContactBody {
  accountId: string;
}

/** Who besides the SuperAdmins gets an account's reminders: set directly, no application needed. */
const setBillingContact = ({ accountId, email }: BillingContactInput): Promise<AccountDetail> =>
  api<AccountDetail>(
    `/api/v1/account-management/accounts/${encodeURIComponent(accountId)}/billing-contact`,
    { method: "PUT", body: { email } },
  );

export function useSetBillingContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setBillingContact,
    meta: { handlesErrors: true },
    onSuccess: (account) =>
      queryClient.setQueryData<AccountDetail>(accountKeys.detail(account.id), account),
  });
}
