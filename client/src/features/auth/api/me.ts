import type { Me } from "@shared/api/me.ts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { authKeys } from "./keys.ts";

const getMe = (): Promise<Me> => api<Me>("/api/v1/me");

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: getMe,
    staleTime: 5 * 60_000,
    // The app layout shows why the user could not be loaded.
    meta: { handlesErrors: true },
  });

/** The signed-in user; the app layout has loaded it before any page renders. */
export function useMe(): Me {
  return useSuspenseQuery(meQueryOptions()).data;
}
