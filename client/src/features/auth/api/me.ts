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

/**
 * The signed-in user the server wrote into the page it sent (server/http/web-page.ts), read once:
 * the app starts with it rather than asking for it, a round trip sooner on a slow phone. Later
 * (after signing out and in again) the app asks the server as usual.
 */
export function signedInUserOfPage(): Me | undefined {
  const element = document.getElementById("signed-in-user");
  element?.remove();
  return element?.textContent ? (JSON.parse(element.textContent) as Me) : undefined;
}
