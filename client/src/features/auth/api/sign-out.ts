import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { forgetPrivateData } from "../../../lib/private-storage.ts";

const signOut = (): Promise<unknown> => api("/api/auth/sign-out", { method: "POST", body: {} });

/** After signing out, a fresh page load leaves nothing of the session in memory. */
export function useSignOut() {
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      forgetPrivateData();
      window.location.assign("/login");
    },
  });
}
