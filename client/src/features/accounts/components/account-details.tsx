import { Grid, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { AccountDetail } from "@shared/api/accounts.ts";
import type { ReactNode } from "react";
import { DaysLeftBadge } from "../../../components/days-left-badge.tsx";
import { Fact } from "../../../components/fact.tsx";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { TitledCard } from "../../../components/titled-card.tsx";
import { ACCOUNT_FIELD_LABELS as LABELS } from "../../../lib/account-fields.ts";
import { countryName, formatDate, formatDateTime } from "../../../lib/format.ts";
import { AccountHistory } from "./account-history.tsx";

interface AccountDetailsProps {
  account: AccountDetail;
  /** How the reader may change the billing contact, when they may. */
  billingContactEditor?: ReactNode;
  /** What the platform uses of the entitlements (the usage API). */
  usage: ReactNode;
  /** The registered datapoints, and their import when the reader may. */
  datapoints: ReactNode;
}

/** An account's term, licence, usage and datapoints. */
export function AccountDetails({
  account,
  billingContactEditor,
  usage,
  datapoints,
}: AccountDetailsProps) {
  return (
    <Stack gap="lg">
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            {usage}
            <TitledCard title="Licence">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
                <Fact label={LABELS.licenceId}>{account.licence.name}</Fact>
                <Fact label={LABELS.billManagementTypeId}>
                  {account.billManagementType?.name ?? "None"}
                </Fact>
              </SimpleGrid>
            </TitledCard>
            <TitledCard title={LABELS.comment}>
              <Text
                size="sm"
                c={account.comment ? undefined : "dimmed"}
                style={{ whiteSpace: "pre-wrap" }}
              >
                {account.comment || "No comment."}
              </Text>
            </TitledCard>
            <TitledCard title="History">
              <AccountHistory accountId={account.id} />
            </TitledCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <TitledCard title="Term">
              <Stack gap="md">
                <Fact label="Starts on">{formatDate(account.startsOn)}</Fact>
                <Fact label="Ends on">{formatDate(account.endsOn)}</Fact>
                <Fact label="Status">
                  <StatusBadge status={account.status} />
                </Fact>
                <Fact label="Days left">
                  <DaysLeftBadge daysLeft={account.daysLeft} />
                </Fact>
              </Stack>
            </TitledCard>
            <TitledCard title="Account">
              <Stack gap="md">
                <Fact label={LABELS.customerName}>{account.customerName}</Fact>
                <Fact label={LABELS.country}>{countryName(account.country)}</Fact>
                <Fact label={LABELS.sectorCode}>{account.sector.name}</Fact>
                <Fact label={LABELS.emailDomain}>{account.emailDomain ?? "Platform default"}</Fact>
                <Fact label="Billing contact">
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" c={account.billingContactEmail ? undefined : "dimmed"}>
                      {account.billingContactEmail ?? "None: reminders go to the SuperAdmins"}
                    </Text>
                    {billingContactEditor}
                  </Group>
                </Fact>
                <Fact label="Partner">{account.partner.name}</Fact>
                <Fact label="Created">{formatDateTime(account.createdAt)}</Fact>
              </Stack>
            </TitledCard>
          </Stack>
        </Grid.Col>
      </Grid>
      {datapoints}
    </Stack>
  );
}
