import { Grid, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { AccountDetail } from "@shared/api/accounts.ts";
import type { ReactNode } from "react";
import { DaysLeftBadge } from "../../../components/days-left-badge.tsx";
import { Fact } from "../../../components/fact.tsx";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { TitledCard } from "../../../components/titled-card.tsx";
import { useAccountFieldLabels } from "../../../lib/account-fields.ts";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useMe } from "../../auth/index.ts";
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
  const t = useT();
  const format = useFormat();
  const LABELS = useAccountFieldLabels();
  // The account's days are its partner's: so is the time of its creation.
  const timeZone = useMe().partner?.timeZone;
  return (
    <Stack gap="lg">
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            {usage}
            <TitledCard title={LABELS.licenceId}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
                <Fact label={LABELS.licenceId}>{account.licence.name}</Fact>
                <Fact label={LABELS.billManagementTypeId}>
                  {account.billManagementType?.name ?? t("common.none")}
                </Fact>
              </SimpleGrid>
            </TitledCard>
            <TitledCard title={LABELS.comment}>
              <Text
                size="sm"
                c={account.comment ? undefined : "dimmed"}
                style={{ whiteSpace: "pre-wrap" }}
              >
                {account.comment || t("accounts.details.noComment")}
              </Text>
            </TitledCard>
            <TitledCard title={t("accounts.details.history")}>
              <AccountHistory accountId={account.id} />
            </TitledCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <TitledCard title={t("accounts.details.term")}>
              <Stack gap="md">
                <Fact label={t("app.accountField.startsOn")}>{format.date(account.startsOn)}</Fact>
                <Fact label={t("app.accountField.endsOn")}>{format.date(account.endsOn)}</Fact>
                <Fact label={t("accounts.field.status")}>
                  <StatusBadge status={account.status} />
                </Fact>
                {/* Once expired the status says so: the days left would only say it again. */}
                {account.status === "active" && (
                  <Fact label={t("accounts.field.daysLeft")}>
                    <DaysLeftBadge daysLeft={account.daysLeft} />
                  </Fact>
                )}
              </Stack>
            </TitledCard>
            <TitledCard title={t("accounts.field.account")}>
              <Stack gap="md">
                <Fact label={LABELS.customerName}>{account.customerName}</Fact>
                <Fact label={LABELS.country}>{format.countryName(account.country)}</Fact>
                <Fact label={LABELS.sectorCode}>{account.sector.name}</Fact>
                <Fact label={LABELS.emailDomain}>
                  {account.emailDomain ?? t("accounts.details.platformDefault")}
                </Fact>
                <Fact label={t("accounts.field.billingContact")}>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" c={account.billingContactEmail ? undefined : "dimmed"}>
                      {account.billingContactEmail ?? t("accounts.details.noBillingContact")}
                    </Text>
                    {billingContactEditor}
                  </Group>
                </Fact>
                <Fact label={t("accounts.field.partner")}>{account.partner.name}</Fact>
                <Fact label={t("accounts.field.created")}>
                  {format.dateTime(account.createdAt, timeZone)}
                </Fact>
              </Stack>
            </TitledCard>
          </Stack>
        </Grid.Col>
      </Grid>
      {datapoints}
    </Stack>
  );
}
