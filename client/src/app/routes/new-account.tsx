import { LoadingState } from "../../components/loading-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { NewAccountForm } from "../../features/account-management/index.ts";
import { useCatalogue } from "../../features/catalogue/index.ts";
import { useT } from "../../lib/i18n.tsx";

export function NewAccountRoute() {
  const t = useT();
  const catalogue = useCatalogue();
  return (
    <>
      <PageHeader
        title={t("accounts.newAccount.create")}
        description={t("accounts.newAccount.description")}
        back={{ to: "/account-management", label: t("accounts.management.title") }}
      />
      {catalogue.data ? (
        <NewAccountForm catalogue={catalogue.data} />
      ) : (
        <LoadingState label={t("accounts.loadingCatalogue")} />
      )}
    </>
  );
}
