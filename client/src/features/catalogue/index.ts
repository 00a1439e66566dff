/** What Wattfolio sells: licences, Bill Management licence types and sectors. */
export { catalogueNames, useCatalogue } from "./api/catalogue.ts";
