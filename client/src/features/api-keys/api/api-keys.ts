import type {
  ApiKey,
  ApiKeyListQuery,
  ApiKeyPage,
  CreateApiKeyBody,
  CreatedApiKey,
} from "@shared/api/api-keys.ts";
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { apiKeyKeys } from "./keys.ts";

/** The partner's keys (SuperAdmin) or every key (Customer Success), newest first. */
const getApiKeys = (query: ApiKeyListQuery, signal?: AbortSignal): Promise<ApiKeyPage> =>
  api<ApiKeyPage>("/api/v1/api-keys", { query, signal });

const apiKeysQueryOptions = (query: ApiKeyListQuery) =>
  queryOptions({
    queryKey: apiKeyKeys.list(query),
    queryFn: ({ signal }) => getApiKeys(query, signal),
    placeholderData: keepPreviousData,
  });

export function useApiKeys(query: ApiKeyListQuery) {
  return useQuery(apiKeysQueryOptions(query));
}

/** The answer holds the secret, this once. */
const createApiKey = (body: CreateApiKeyBody): Promise<CreatedApiKey> =>
  api<CreatedApiKey>("/api/v1/api-keys", { method: "POST", body });

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}

const revokeApiKey = (id: string): Promise<ApiKey> =>
  api<ApiKey>(`/api/v1/api-keys/${encodeURIComponent(id)}/revoke`, { method: "POST" });

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
