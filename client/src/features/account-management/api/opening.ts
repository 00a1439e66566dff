import { PAGE_SIZE } from "../../../components/paged-table.tsx";
import { queryClient } from "../../../lib/query-client.ts";
import { catalogueQueryOptions } from "../../catalogue/index.ts";
import { pendingCountQuery, portfolioApplicationsQueryOptions } from "./applications.ts";
import { zoneAccountsQueryOptions, zoneCountQuery, zoneOpeningOrder } from "./zone-accounts.ts";

const ZONES = ["active", "expired", "applications"] as const;
export type Zone = (typeof ZONES)[number];

/** The zone named in the address (`?zone=`), Active when it names none. */
export function zoneOf(value: string | null): Zone {
  return ZONES.find((zone) => zone === value) ?? "active";
}

/**
 * What Account management shows first (its tabs' counts, the open zone's first page and the
 * catalogue its licence filter offers), asked for as soon as the page's address is known rather
 * than once its code has downloaded and rendered: on a slow phone that is a round trip sooner.
 */
export function prefetchAccountManagement(zone: Zone): void {
  const prefetch = queryClient.prefetchQuery.bind(queryClient);
  void prefetch(zoneAccountsQueryOptions(zoneCountQuery("active")));
  void prefetch(zoneAccountsQueryOptions(zoneCountQuery("expired")));
  void prefetch(portfolioApplicationsQueryOptions(pendingCountQuery));
  if (zone === "applications") {
    void prefetch(portfolioApplicationsQueryOptions({ page: 1, pageSize: PAGE_SIZE }));
    return;
  }
  void prefetch(
    zoneAccountsQueryOptions({ zone, ...zoneOpeningOrder(zone), page: 1, pageSize: PAGE_SIZE }),
  );
  void prefetch(catalogueQueryOptions());
}
