import type { QueryParams } from "../../../lib/api.ts";

const all = ["webhooks"] as const;

/** The endpoints' list, and each endpoint's deliveries by filter and page. */
export const webhookKeys = {
  all,
  list: () => [...all, "list"] as const,
  deliveries: (endpointId: string, query?: QueryParams) =>
    query
      ? ([...all, "deliveries", endpointId, query] as const)
      : ([...all, "deliveries", endpointId] as const),
};
