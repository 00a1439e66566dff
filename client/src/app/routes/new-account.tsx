import { LoadingState } from "../../components/loading-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { NewAccountForm } from "../../features/account-management/index.ts";
import { useCatalogue } from "../../features/catalogue/index.ts";

export function NewAccountRoute() {
  const catalogue = useCatalogue();
  return (
    <>
      <PageHeader
        title="Create a new account"
        description="Describe the new project. Customer Success reviews the application before the account exists."
        back={{ to: "/account-management", label: "Account management" }}
      />
      {catalogue.data ? (
        <NewAccountForm catalogue={catalogue.data} />
      ) : (
        <LoadingState label="Loading the catalogue…" />
      )}
    </>
  );
}
