import type { Profile, ProfileUpdate } from "@shared/api/profile.ts";
import type { PasswordChange } from "@shared/api/session.ts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { meQueryOptions } from "../../auth/index.ts";
import { profileKeys } from "./keys.ts";

const getProfile = (): Promise<Profile> => api<Profile>("/api/v1/me/profile");

export function useProfile() {
  return useQuery(queryOptions({ queryKey: profileKeys.profile, queryFn: getProfile }));
}

const updateProfile = (body: ProfileUpdate): Promise<Profile> =>
  api<Profile>("/api/v1/me/profile", { method: "PUT", body });

/** The name shows in the user menu too: the signed-in user is read again. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    meta: { handlesErrors: true },
    onSuccess: (saved) => {
      queryClient.setQueryData(profileKeys.profile, saved);
      return queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    },
  });
}

const changePassword = (body: PasswordChange): Promise<unknown> =>
  api("/api/auth/change-password", { method: "POST", body });

/** The other sessions end with it, so the list of sessions is read again. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.sessions }),
  });
}
