import { Anchor, Text } from "@mantine/core";
import type { Partner, PartnerListQuery } from "@shared/api/partners.ts";
import { Link } from "react-router";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { countryName, formatNumber } from "../../../lib/format.ts";
import { usePartners } from "../api/partners.ts";
import { PartnerStatusBadge } from "./partner-status-badge.tsx";

const LANGUAGES = { en: "English", es: "Spanish" } as const;

const COLUMNS: Column<Partner>[] = [
  {
    key: "name",
    header: "Name",
    render: (partner) => (
      <Anchor component={Link} to={`/staff/partners/${partner.id}`} fw={500} size="sm">
        {partner.name}
      </Anchor>
    ),
  },
  {
    key: "status",
    header: "Status",
    render: (partner) => <PartnerStatusBadge status={partner.status} />,
  },
  {
    key: "country",
    header: "Country",
    render: (partner) => <Text size="sm">{countryName(partner.country)}</Text>,
  },
  {
    key: "timeZone",
    header: "Time zone",
    render: (partner) => <Text size="sm">{partner.timeZone}</Text>,
  },
  {
    key: "language",
    header: "Default language",
    render: (partner) => <Text size="sm">{LANGUAGES[partner.defaultLanguage]}</Text>,
  },
  {
    key: "users",
    header: "Users",
    align: "right",
    render: (partner) => <Text size="sm">{formatNumber(partner.userCount)}</Text>,
  },
  {
    key: "accounts",
    header: "Accounts",
    align: "right",
    render: (partner) => <Text size="sm">{formatNumber(partner.accountCount)}</Text>,
  },
];

interface PartnersTableProps {
  q: string;
  status: PartnerListQuery["status"];
  page: number;
  onPageChange: (page: number) => void;
}

/** Every partner, by name, with its status and how many users and accounts it has. */
export function PartnersTable({ q, status, page, onPageChange }: PartnersTableProps) {
  const result = usePartners({ q: q || undefined, status, page, pageSize: PAGE_SIZE });
  return (
    <PagedTable
      label="Partners"
      columns={COLUMNS}
      result={result}
      rowKey={(partner) => partner.id}
      empty={q || status ? "No partner matches." : "No partners yet."}
      page={page}
      onPageChange={onPageChange}
      minWidth={760}
    />
  );
}
