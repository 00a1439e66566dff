import { Badge, Tabs } from "@mantine/core";
import { IconCircleCheck, IconClockHour4, IconFileDescription } from "@tabler/icons-react";
import { useSearchParams } from "react-router";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { pendingCountQuery, usePortfolioApplications } from "../api/applications.ts";
import { zoneOf } from "../api/opening.ts";
import { useZoneAccounts, zoneCountQuery } from "../api/zone-accounts.ts";
import { ApplicationsTable } from "./applications-table.tsx";
import { ZoneAccountsTable } from "./zone-accounts-table.tsx";

/** A zone's count on its tab; `exact` false when the zone holds more than `value` (1,000+). */
function TabCount({
  value,
  exact = true,
  color = "gray",
}: {
  value: number | undefined;
  exact?: boolean;
  color?: string;
}) {
  const format = useFormat();
  const t = useT();
  if (value === undefined) return null;
  return (
    <Badge size="sm" variant="light" color={color} circle={value < 10}>
      {exact ? format.number(value) : t("app.table.moreThan", { total: value })}
    </Badge>
  );
}

/** The three zones of Account management, the open one kept in the address (`?zone=`). */
export function AccountZones() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const zone = zoneOf(params.get("zone"));
  const active = useZoneAccounts(zoneCountQuery("active"));
  const expired = useZoneAccounts(zoneCountQuery("expired"));
  const pending = usePortfolioApplications(pendingCountQuery);

  return (
    <Tabs
      value={zone}
      onChange={(next) => setParams({ zone: zoneOf(next) }, { replace: true })}
      variant="outline"
      radius="md"
      // Only the open zone's list renders and loads; the others wait until their tab is chosen.
      keepMounted={false}
    >
      <Tabs.List mb="md" className="zone-tabs">
        <Tabs.Tab
          value="active"
          leftSection={<IconCircleCheck size={16} />}
          rightSection={<TabCount value={active.data?.total} exact={active.data?.totalExact} />}
        >
          {t("accounts.zones.active")}
        </Tabs.Tab>
        <Tabs.Tab
          value="expired"
          leftSection={<IconClockHour4 size={16} />}
          rightSection={<TabCount value={expired.data?.total} exact={expired.data?.totalExact} />}
        >
          {t("accounts.zones.expired")}
        </Tabs.Tab>
        <Tabs.Tab
          value="applications"
          leftSection={<IconFileDescription size={16} />}
          rightSection={<TabCount value={pending.data?.total || undefined} color="yellow" />}
        >
          {t("accounts.zones.applications")}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="active">
        <ZoneAccountsTable zone="active" />
      </Tabs.Panel>
      <Tabs.Panel value="expired">
        <ZoneAccountsTable zone="expired" />
      </Tabs.Panel>
      <Tabs.Panel value="applications">
        <ApplicationsTable />
      </Tabs.Panel>
    </Tabs>
  );
}
