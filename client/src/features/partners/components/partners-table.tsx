import { Anchor, Text } from "@mantine/core";
import type { Partner, PartnerListQuery } from "@shared/api/partners.ts";
import { Link } from "react-router";
import { type Column, PAGE_SIZE, PagedTable } from "../../../components/paged-table.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { usePartners } from "../api/partners.ts";
import { PartnerStatusBadge } from "./partner-status-badge.tsx";

/** The list's columns, their headers and values in the user's language. */
function usePartnerColumns(): Column<Partner>[] {
  const t = useT();
  const format = useFormat();
  return [
    {
      key: "name",
      header: t("partners.name"),
      render: (partner) => (
        <Anchor component={Link} to={`/staff/partners/${partner.id}`} fw={500} size="sm">
          {partner.name}
        </Anchor>
      ),
    },
    {
      key: "status",
      header: t("partners.status"),
      render: (partner) => <PartnerStatusBadge status={partner.status} />,
    },
    {
      key: "country",
      header: t("partners.country"),
      render: (partner) => <Text size="sm">{format.countryName(partner.country)}</Text>,
    },
    {
      key: "timeZone",
      header: t("partners.timeZone"),
      render: (partner) => <Text size="sm">{partner.timeZone}</Text>,
    },
    {
      key: "language",
      header: t("partners.defaultLanguage"),
      render: (partner) => (
        <Text size="sm">{t("partners.languageName", { language: partner.defaultLanguage })}</Text>
      ),
    },
    {
      key: "users",
      header: t("partners.users"),
      align: "right",
      render: (partner) => <Text size="sm">{format.number(partner.userCount)}</Text>,
    },
    {
      key: "accounts",
      header: t("partners.accounts"),
      align: "right",
      render: (partner) => <Text size="sm">{format.number(partner.accountCount)}</Text>,
    },
  ];
}

interface PartnersTableProps {
  q: string;
  status: PartnerListQuery["status"];
  page: number;
  onPageChange: (page: number) => void;
}

/** Every partner, by name, with its status and how many users and accounts it has. */
export function PartnersTable({ q, status, page, onPageChange }: PartnersTableProps) {
  const t = useT();
  const columns = usePartnerColumns();
  const result = usePartners({ q: q || undefined, status, page, pageSize: PAGE_SIZE });
  return (
    <PagedTable
      label={t("partners.title")}
      columns={columns}
      result={result}
      rowKey={(partner) => partner.id}
      empty={q || status ? t("partners.noMatch") : t("partners.none")}
      page={page}
      onPageChange={onPageChange}
      minWidth={760}
    />
  );
}
