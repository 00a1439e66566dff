import type {
  CatalogueAdmin,
  CatalogueEntry,
  CatalogueEntryChangeBody,
  NewCatalogueEntryBody,
} from "@shared/api/catalogue.ts";
import type { CatalogueSection } from "@shared/domain/catalogue.ts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { catalogueKeys } from "./keys.ts";

const PATHS: Record<CatalogueSection, string> = {
  licences: "/api/v1/catalogue/licences",
  billManagementTypes: "/api/v1/catalogue/bill-management-types",
  sectors: "/api/v1/catalogue/sectors",
};

const entryUrl = (section: CatalogueSection, id: string) =>
  `${PATHS[section]}/${encodeURIComponent(id)}`;

/** Every entry, retired ones too: what Customer Success keeps. */
export function useCatalogueEntries() {
  return useQuery(
    queryOptions({
      queryKey: catalogueKeys.entries,
      queryFn: ({ signal }) => api<CatalogueAdmin>("/api/v1/catalogue/entries", { signal }),
    }),
  );
}

/** A change to the catalogue changes what the forms offer too. */
function useCatalogueMutation<V>(
  mutationFn: (variables: V) => Promise<CatalogueEntry>,
  handlesErrors = false,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { handlesErrors },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all }),
  });
}

export const useAddCatalogueEntry = () =>
  useCatalogueMutation(
    ({ section, body }: { section: CatalogueSection; body: NewCatalogueEntryBody }) =>
      api<CatalogueEntry>(PATHS[section], { method: "POST", body }),
    true,
  );

export const useRenameCatalogueEntry = () =>
  useCatalogueMutation(
    ({
      section,
      id,
      body,
    }: {
      section: CatalogueSection;
      id: string;
      body: CatalogueEntryChangeBody;
    }) => api<CatalogueEntry>(entryUrl(section, id), { method: "PUT", body }),
    true,
  );

/** Retiring keeps the entry on its accounts but stops offering it; restoring offers it again. */
export const useRetirement = () =>
  useCatalogueMutation(
    ({ section, id, retire }: { section: CatalogueSection; id: string; retire: boolean }) =>
      api<CatalogueEntry>(`${entryUrl(section, id)}/${retire ? "retire" : "restore"}`, {
        method: "POST",
      }),
  );
