import { Button } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { Link } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { AccountZones } from "../../features/account-management/index.ts";

export function AccountManagementRoute() {
  return (
    <>
      <PageHeader
        title="Account management"
        description="Your portfolio's accounts and the applications sent to Customer Success."
        actions={
          <Button
            component={Link}
            to="/account-management/new"
            leftSection={<IconPlus size={16} />}
          >
            Create a new account
          </Button>
        }
      />
      <AccountZones />
    </>
  );
}
