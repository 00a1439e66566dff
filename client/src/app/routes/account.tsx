import { Box, Button, Group } from "@mantine/core";
import { IconBuildingFactory2 } from "@tabler/icons-react";
import { Link, useParams } from "react-router";
import { DaysLeftBadge } from "../../components/days-left-badge.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { MessagePage } from "../../components/message-page.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import {
  AccountPendingApplications,
  BillingContactEditor,
  RequestChangeMenu,
} from "../../features/account-management/index.ts";
import { AccountDetails, useAccount } from "../../features/accounts/index.ts";
import { useMe } from "../../features/auth/index.ts";
import { UsersWithAccessCard } from "../../features/people/index.ts";
import { DatapointsSection, UsageCard, UsageHistoryCard } from "../../features/usage/index.ts";
import { type Translate, useT } from "../../lib/i18n.tsx";

/** Where each role came from, and the way back there from an account it cannot see. */
const backOf = (t: Translate) =>
  ({
    superadmin: {
      to: "/account-management",
      label: t("accounts.management.title"),
      backTo: t("accounts.details.backToManagement"),
    },
    account_user: {
      to: "/",
      label: t("accounts.list.title"),
      backTo: t("accounts.details.backToYourAccounts"),
    },
    customer_success: {
      to: "/review",
      label: t("accounts.details.reviewQueue"),
      backTo: t("accounts.details.backToReviewQueue"),
    },
  }) as const;

export function AccountRoute() {
  const t = useT();
  const { id = "" } = useParams();
  const me = useMe();
  const account = useAccount(id);
  const back = backOf(t)[me.role];

  if (account.isError) {
    return (
      <MessagePage
        icon={<IconBuildingFactory2 size={32} />}
        title={t("accounts.details.notFound")}
        text={t("accounts.details.notFoundText")}
        action={
          <Button component={Link} to={back.to} mt="sm">
            {back.backTo}
          </Button>
        }
      />
    );
  }
  if (!account.data) return <LoadingState />;
  // A SuperAdmin reads only their own partner's accounts: this one is theirs to change.
  const superAdmin = me.role === "superadmin";

  return (
    <>
      <PageHeader
        title={account.data.name}
        extra={
          <Group gap="xs">
            <StatusBadge status={account.data.status} />
            {/* Once expired the status says so: the days left would only say it again. */}
            {account.data.status === "active" && <DaysLeftBadge daysLeft={account.data.daysLeft} />}
          </Group>
        }
        actions={superAdmin ? <RequestChangeMenu account={account.data} /> : undefined}
        description={t("accounts.details.description", {
          customer: account.data.customerName,
          licence: account.data.licence.name,
        })}
        back={{ to: back.to, label: back.label }}
      />
      {superAdmin && (
        <Box mb="lg">
          <AccountPendingApplications accountId={account.data.id} />
        </Box>
      )}
      <AccountDetails
        account={account.data}
        billingContactEditor={superAdmin ? <BillingContactEditor account={account.data} /> : null}
        usage={<UsageCard account={account.data} />}
        datapoints={<DatapointsSection account={account.data} canImport={superAdmin} />}
      />
      <Box mt="lg">
        <UsageHistoryCard accountId={account.data.id} />
      </Box>
      {superAdmin && (
        <Box mt="lg">
          <UsersWithAccessCard accountId={account.data.id} />
        </Box>
      )}
    </>
  );
}
