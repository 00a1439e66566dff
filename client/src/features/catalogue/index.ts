/** What Wattfolio sells: licences, Bill Management licence types and sectors. */
export { catalogueNames, catalogueQueryOptions, useCatalogue } from "./api/catalogue.ts";
export { useCatalogueEntries } from "./api/catalogue-admin.ts";
export { CatalogueSection } from "./components/catalogue-section.tsx";
