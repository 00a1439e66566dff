import { Badge, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import type { PartnerDetail } from "@shared/api/partners.ts";
import type { ReactNode } from "react";
import { AccountLink } from "../../../components/account-link.tsx";
import { Fact } from "../../../components/fact.tsx";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { TitledCard } from "../../../components/titled-card.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { InvitationList } from "../../people/index.ts";
import { useAnyInvitationActions } from "../../staff/index.ts";
import { partnerKeys } from "../api/keys.ts";

/** A small table that scrolls sideways on a phone rather than squeezing its columns. */
function ListTable({
  label,
  headers,
  empty,
  children,
}: {
  label: string;
  headers: string[];
  empty: string;
  children: ReactNode[];
}) {
  if (children.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={520} type="native">
        <Table aria-label={label} verticalSpacing="xs" horizontalSpacing="md">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {headers.map((header) => (
                <Table.Th key={header}>{header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Where the partner is, who its people are, who is invited, and what accounts it has. */
export function PartnerOverview({ partner }: { partner: PartnerDetail }) {
  const t = useT();
  const format = useFormat();
  const invitationActions = useAnyInvitationActions(partnerKeys.detail(partner.id));
  return (
    <Stack gap="lg">
      <TitledCard title={t("partners.overview.details")}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact label={t("partners.country")}>{format.countryName(partner.country)}</Fact>
          <Fact label={t("partners.timeZone")}>{partner.timeZone}</Fact>
          <Fact label={t("partners.defaultLanguage")}>
            {t("partners.languageName", { language: partner.defaultLanguage })}
          </Fact>
          <Fact label={t("partners.overview.createdAt")}>{format.dateTime(partner.createdAt)}</Fact>
          {partner.suspendedAt && (
            <Fact label={t("partners.overview.suspendedSince")}>
              {format.dateTime(partner.suspendedAt)}
            </Fact>
          )}
        </SimpleGrid>
      </TitledCard>

      <TitledCard title={t("partners.users")}>
        <ListTable
          label={t("partners.users")}
          headers={[
            t("people.name"),
            t("people.email"),
            t("people.type"),
            t("people.status"),
            t("people.lastSignIn"),
          ]}
          empty={t("partners.overview.noUsers")}
        >
          {partner.users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {user.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.email}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`userType.${user.userType}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  radius="sm"
                  color={user.status === "active" ? "teal" : "gray"}
                >
                  {user.status === "active" ? t("people.active") : t("people.deactivated")}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t("people.never")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </TitledCard>

      {partner.invitations.length > 0 && (
        <TitledCard title={t("partners.overview.invitations")}>
          <InvitationList
            invitations={partner.invitations}
            resend={invitationActions.resend}
            revoke={invitationActions.revoke}
          />
        </TitledCard>
      )}

      <TitledCard title={t("partners.accounts")}>
        <ListTable
          label={t("partners.accounts")}
          headers={[
            t("partners.name"),
            t("partners.overview.licence"),
            t("partners.status"),
            t("partners.overview.endsOn"),
          ]}
          empty={t("partners.overview.noAccounts")}
        >
          {partner.accounts.map((account) => (
            <Table.Tr key={account.id}>
              <Table.Td>
                <AccountLink account={account} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{account.licence.name}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={account.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.date(account.endsOn)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </TitledCard>
    </Stack>
  );
}
