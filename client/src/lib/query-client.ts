/**
 * Server state lives in React Query. Errors nobody handles become a notification; a lost session is
 * already on its way to the login page, and callers that show an error themselves say so in `meta`.
 */
import { notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError, translateNow } from "./api.ts";

declare module "@tanstack/react-query" {
  interface Register {
    defaultError: Error;
    queryMeta: { handlesErrors?: boolean };
    mutationMeta: { handlesErrors?: boolean };
  }
}

export function notifyError(error: Error): void {
  if (error instanceof ApiError && error.status === 401) return;
  // The user cancelled it, and was told so where they did.
  if (error.name === "AbortError") return;
  notifications.show({
    color: "red",
    title: error instanceof ApiError ? error.title : translateNow("app.somethingWentWrong"),
    message: error.message,
  });
}

function shouldRetry(failures: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (!query.meta?.handlesErrors) notifyError(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      if (!mutation.meta?.handlesErrors) notifyError(error);
    },
  }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    // Offline, a change fails at once as "not sent" instead of waiting, paused, to be sent unseen later.
    mutations: { retry: false, networkMode: "always" },
  },
});
