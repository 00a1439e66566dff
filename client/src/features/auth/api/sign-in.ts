import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export interface Credentials {
  email: string;
  password: string;
}

const signIn = (credentials: Credentials): Promise<unknown> =>
  api("/api/auth/sign-in/email", { method: "POST", body: credentials });

/** Signing in starts from a clean cache, so nothing of an earlier session shows. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.clear(),
  });
}
