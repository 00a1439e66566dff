import type { RegistrationResult } from "@shared/api/usage.ts";
import type { DatapointToRegister } from "@shared/domain/usage.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountManagementKeys } from "../../account-management/index.ts";
import { accountKeys } from "../../accounts/index.ts";
import { usageKeys } from "./keys.ts";

interface RegisterDatapointsInput {
  accountId: string;
  datapoints: DatapointToRegister[];
  /** One per import attempt: a retry of the same attempt is answered without registering twice. */
  idempotencyKey: string;
}

/** Registers a batch, all or nothing (409 QUOTA_EXCEEDED with `datapointsLeft` when it does not fit). */
const registerDatapoints = ({
  accountId,
  datapoints,
  idempotencyKey,
}: RegisterDatapointsInput): Promise<RegistrationResult> =>
  api<RegistrationResult>(`/api/v1/usage/accounts/${encodeURIComponent(accountId)}/datapoints`, {
    method: "POST",
    body: { datapoints },
    headers: { "Idempotency-Key": idempotencyKey },
  });

export function useRegisterDatapoints() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerDatapoints,
    meta: { handlesErrors: true },
    onSuccess: (_result, { accountId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: usageKeys.account(accountId) }),
        // The account page, its history and the zones show datapoints used and left too.
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
        queryClient.invalidateQueries({ queryKey: accountManagementKeys.accounts }),
      ]),
  });
}
