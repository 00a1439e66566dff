import { Box, Button, Group } from "@mantine/core";
import { IconBuildingFactory2 } from "@tabler/icons-react";
import { Link, useParams } from "react-router";
import { DaysLeftBadge } from "../../components/days-left-badge.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { MessagePage } from "../../components/message-page.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { BillingContactEditor } from "../../features/account-management/index.ts";
import { AccountDetails, useAccount } from "../../features/accounts/index.ts";
import { useMe } from "../../features/auth/index.ts";
import { UsersWithAccessCard } from "../../features/people/index.ts";
import { DatapointsSection, UsageCard } from "../../features/usage/index.ts";

const BACK = {
  superadmin: { to: "/account-management", label: "Account management" },
  account_user: { to: "/", label: "Your accounts" },
  customer_success: { to: "/review", label: "Review queue" },
} as const;

export function AccountRoute() {
  const { id = "" } = useParams();
  const me = useMe();
  const account = useAccount(id);

  if (account.isError) {
    return (
      <MessagePage
        icon={<IconBuildingFactory2 size={32} />}
        title="Account not found"
        text="There is no account here, or it is not one you can see."
        action={
          <Button component={Link} to={BACK[me.role].to} mt="sm">
            Back to {BACK[me.role].label.toLowerCase()}
          </Button>
        }
      />
    );
  }
  if (!account.data) return <LoadingState />;

  return (
    <>
      <PageHeader
        title={account.data.name}
        extra={
          <Group gap="xs">
            <StatusBadge status={account.data.status} />
            <DaysLeftBadge daysLeft={account.data.daysLeft} />
          </Group>
        }
        description={`${account.data.customerName} · ${account.data.licence.name} licence`}
        back={BACK[me.role]}
      />
      <AccountDetails
        account={account.data}
        billingContactEditor={
          me.role === "superadmin" ? <BillingContactEditor account={account.data} /> : null
        }
        usage={<UsageCard account={account.data} />}
        datapoints={
          <DatapointsSection account={account.data} canImport={me.role === "superadmin"} />
        }
      />
      {me.role === "superadmin" && (
        <Box mt="lg">
          <UsersWithAccessCard accountId={account.data.id} />
        </Box>
      )}
    </>
  );
}
