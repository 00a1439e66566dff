import { Stack } from "@mantine/core";
import { CATALOGUE_SECTIONS } from "@shared/domain/catalogue.ts";
import { LoadingState } from "../../components/loading-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { CatalogueSection, useCatalogueEntries } from "../../features/catalogue/index.ts";
import { useT } from "../../lib/i18n.tsx";

export function LicenceCatalogueRoute() {
  const t = useT();
  const entries = useCatalogueEntries();
  return (
    <>
      <PageHeader title={t("catalogue.page.title")} description={t("catalogue.page.description")} />
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
