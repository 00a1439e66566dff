import { Badge, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import type { PartnerDetail } from "@shared/api/partners.ts";
import { USER_TYPE_MEANINGS } from "@shared/domain/people.ts";
import type { ReactNode } from "react";
import { AccountLink } from "../../../components/account-link.tsx";
import { Fact } from "../../../components/fact.tsx";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { TitledCard } from "../../../components/titled-card.tsx";
import { countryName, formatDate, formatDateTime } from "../../../lib/format.ts";
import { InvitationList } from "../../people/index.ts";
import { useAnyInvitationActions } from "../../staff/index.ts";
import { partnerKeys } from "../api/keys.ts";

const LANGUAGES = { en: "English", es: "Spanish" } as const;

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
  const invitationActions = useAnyInvitationActions(partnerKeys.detail(partner.id));
  return (
    <Stack gap="lg">
      <TitledCard title="Details">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact label="Country">{countryName(partner.country)}</Fact>
          <Fact label="Time zone">{partner.timeZone}</Fact>
          <Fact label="Default language">{LANGUAGES[partner.defaultLanguage]}</Fact>
          <Fact label="Created">{formatDateTime(partner.createdAt)}</Fact>
          {partner.suspendedAt && (
            <Fact label="Suspended since">{formatDateTime(partner.suspendedAt)}</Fact>
          )}
        </SimpleGrid>
      </TitledCard>

      <TitledCard title="Users">
        <ListTable
          label="Users"
          headers={["Name", "E-mail", "Type", "Status", "Last sign-in"]}
          empty="No users yet: invite the partner's first SuperAdmin."
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
                <Text size="sm">{USER_TYPE_MEANINGS[user.userType].label}</Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  radius="sm"
                  color={user.status === "active" ? "teal" : "gray"}
                >
                  {user.status === "active" ? "Active" : "Deactivated"}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never"}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </TitledCard>

      {partner.invitations.length > 0 && (
        <TitledCard title="Invitations">
          <InvitationList
            invitations={partner.invitations}
            resend={invitationActions.resend}
            revoke={invitationActions.revoke}
          />
        </TitledCard>
      )}

      <TitledCard title="Accounts">
        <ListTable
          label="Accounts"
          headers={["Name", "Licence", "Status", "Ends on"]}
          empty="No accounts yet: the partner's SuperAdmins apply for them."
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
                <Text size="sm">{formatDate(account.endsOn)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </TitledCard>
    </Stack>
  );
}
