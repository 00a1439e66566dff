import { Button } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { Link } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { AccountZones } from "../../features/account-management/index.ts";
import { useT } from "../../lib/i18n.tsx";

export function AccountManagementRoute() {
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("accounts.management.title")}
        description={t("accounts.management.description")}
        actions={
          <Button
            component={Link}
            to="/account-management/new"
            leftSection={<IconPlus size={16} />}
          >
            {t("accounts.newAccount.create")}
          </Button>
        }
      />
      <AccountZones />
    </>
  );
}
