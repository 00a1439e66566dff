import type { Catalogue } from "@shared/api/catalogue.ts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { catalogueKeys } from "./keys.ts";

const getCatalogue = (): Promise<Catalogue> => api<Catalogue>("/api/v1/catalogue");

export const catalogueQueryOptions = () =>
  queryOptions({ queryKey: catalogueKeys.offered, queryFn: getCatalogue, staleTime: 10 * 60_000 });

export function useCatalogue() {
  return useQuery(catalogueQueryOptions());
}

/** Names of catalogue entries by id (licences, Bill Management types) or code (sectors). */
export function catalogueNames(catalogue: Catalogue) {
  const licences = new Map(catalogue.licences.map((entry) => [entry.id, entry.name]));
  const types = new Map(catalogue.billManagementTypes.map((entry) => [entry.id, entry.name]));
  const sectors = new Map(catalogue.sectors.map((entry) => [entry.code, entry.name]));
  return {
    licence: (id: string) => licences.get(id),
    billManagementType: (id: string) => types.get(id),
    sector: (code: string) => sectors.get(code),
  };
}
