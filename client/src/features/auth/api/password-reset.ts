import type { PasswordReset, PasswordResetRequest } from "@shared/api/session.ts";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

const requestPasswordReset = (body: PasswordResetRequest): Promise<unknown> =>
  api("/api/auth/request-password-reset", { method: "POST", body });

/** E-mails a reset link if the address is someone's; the answer never says whether it is. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset, meta: { handlesErrors: true } });
}

const resetPassword = (body: PasswordReset): Promise<unknown> =>
  api("/api/auth/reset-password", { method: "POST", body });

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword, meta: { handlesErrors: true } });
}
