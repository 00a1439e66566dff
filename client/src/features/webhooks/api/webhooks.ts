import type {
  ChangeWebhookEndpointBody,
  CreateWebhookEndpointBody,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from "@shared/api/webhooks.ts";
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { webhookKeys } from "./keys.ts";

const path = (id: string) => `/api/v1/webhooks/${encodeURIComponent(id)}`;

/** The partner's endpoints (SuperAdmin) or every endpoint (Customer Success). */
const getEndpoints = (signal?: AbortSignal) =>
  api<{ items: WebhookEndpoint[] }>("/api/v1/webhooks", { signal }).then((page) => page.items);

export function useWebhookEndpoints() {
  return useQuery(
    queryOptions({ queryKey: webhookKeys.list(), queryFn: ({ signal }) => getEndpoints(signal) }),
  );
}

export function useWebhookEndpoint(id: string) {
  return useQuery(
    queryOptions({
      queryKey: [...webhookKeys.all, "endpoint", id],
      queryFn: ({ signal }) => api<WebhookEndpoint>(path(id), { signal }),
    }),
  );
}

export interface DeliveryListQuery {
  status?: "queued" | "retrying" | "delivered" | "failed" | undefined;
  page: number;
  pageSize: number;
}

export function useWebhookDeliveries(endpointId: string, query: DeliveryListQuery) {
  return useQuery(
    queryOptions({
      queryKey: webhookKeys.deliveries(endpointId, { ...query }),
      queryFn: ({ signal }) =>
        api<WebhookDeliveryPage>(`${path(endpointId)}/deliveries`, { query: { ...query }, signal }),
      placeholderData: keepPreviousData,
      // Deliveries move on by themselves (retries); keep the log fresh while it is open.
      refetchInterval: 15_000,
    }),
  );
}

/** Every change of an endpoint shows in the list and its page. */
function useEndpointMutation<V, R>(
  mutationFn: (variables: V) => Promise<R>,
  handlesErrors = false,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    ...(handlesErrors ? { meta: { handlesErrors: true } } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** The answer holds the signing secret, this once. */
export const useCreateWebhookEndpoint = () =>
  useEndpointMutation(
    (body: CreateWebhookEndpointBody) =>
      api<WebhookEndpointWithSecret>("/api/v1/webhooks", { method: "POST", body }),
    true,
  );

export const useChangeWebhookEndpoint = () =>
  useEndpointMutation(
    ({ id, change }: { id: string; change: ChangeWebhookEndpointBody }) =>
      api<WebhookEndpoint>(path(id), { method: "PUT", body: change }),
    true,
  );

export const useRotateWebhookSecret = () =>
  useEndpointMutation((id: string) =>
    api<WebhookEndpointWithSecret>(`${path(id)}/rotate-secret`, { method: "POST" }),
  );

export const useDeleteWebhookEndpoint = () =>
  useEndpointMutation((id: string) => api<void>(path(id), { method: "DELETE" }));

export const useRedeliver = () =>
  useEndpointMutation(({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) =>
    api<{ status: "queued" }>(
      `${path(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
      { method: "POST" },
    ),
  );
