import { Stack } from "@mantine/core";
import { CATALOGUE_SECTIONS } from "@shared/domain/catalogue.ts";
import { LoadingState } from "../../components/loading-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { CatalogueSection, useCatalogueEntries } from "../../features/catalogue/index.ts";

export function LicenceCatalogueRoute() {
  const entries = useCatalogueEntries();
  return (
    <>
      <PageHeader
        title="Licence catalogue"
        description="What new accounts and licence changes can choose. A retired entry stays on the accounts that have it."
      />
      {entries.data ? (
        <Stack gap="lg">
          {CATALOGUE_SECTIONS.map((section) => (
            <CatalogueSection key={section} section={section} entries={entries.data[section]} />
          ))}
        </Stack>
      ) : (
        <LoadingState />
      )}
    </>
  );
}
