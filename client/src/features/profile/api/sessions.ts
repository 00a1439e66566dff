import type { OtherSessionsEnded, UserSessions } from "@shared/api/profile.ts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { profileKeys } from "./keys.ts";

const getSessions = (): Promise<UserSessions> => api<UserSessions>("/api/v1/me/sessions");

export function useSessions() {
  return useQuery(queryOptions({ queryKey: profileKeys.sessions, queryFn: getSessions }));
}

const signOutOthers = (): Promise<OtherSessionsEnded> =>
  api<OtherSessionsEnded>("/api/v1/me/sessions/sign-out-others", { method: "POST" });

export function useSignOutOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutOthers,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.sessions }),
  });
}
