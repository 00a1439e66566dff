import { ActionIcon, Menu } from "@mantine/core";
import type { AccountSummary } from "@shared/api/accounts.ts";
import type { ChangeKind } from "@shared/domain/applications.ts";
import {
  IconArrowsExchange,
  IconCalendarPlus,
  IconDatabaseEdit,
  IconDots,
  IconExternalLink,
  IconGauge,
  IconLicense,
  IconMessage2Plus,
} from "@tabler/icons-react";
import type { ComponentType } from "react";
import { Link } from "react-router";
import { useT } from "../../../lib/i18n.tsx";

const ICONS: Record<ChangeKind, ComponentType<{ size?: number; stroke?: number }>> = {
  edit_datapoints: IconDatabaseEdit,
  move_datapoints: IconArrowsExchange,
  edit_licence: IconLicense,
  upgrade_meters: IconGauge,
  buy_sms_credits: IconMessage2Plus,
  renew_subscription: IconCalendarPlus,
};

/** An expired account can only be renewed: every other change waits for it to be active again. */
const ACTIONS: Record<AccountSummary["status"], ChangeKind[]> = {
  active: [
    "edit_datapoints",
    "move_datapoints",
    "edit_licence",
    "upgrade_meters",
    "buy_sms_credits",
    "renew_subscription",
  ],
  expired: ["renew_subscription"],
};

/** The ⋮ menu of an account's row: the changes it can be asked for, and its page. */
export function AccountRowMenu({
  account,
  onAction,
}: {
  account: AccountSummary;
  onAction: (kind: ChangeKind) => void;
}) {
  const t = useT();
  return (
    <Menu position="bottom-end" shadow="md" width={220} withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t("accounts.rowMenu.actionsFor", { name: account.name })}
        >
          <IconDots size={18} style={{ transform: "rotate(90deg)" }} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("accounts.rowMenu.requestChange")}</Menu.Label>
        {ACTIONS[account.status].map((kind) => {
          const Icon = ICONS[kind];
          return (
            <Menu.Item
              key={kind}
              leftSection={<Icon size={16} stroke={1.6} />}
              onClick={() => onAction(kind)}
            >
              {t(`app.applicationKind.${kind}`)}
            </Menu.Item>
          );
        })}
        <Menu.Divider />
        <Menu.Item
          component={Link}
          to={`/accounts/${account.id}`}
          leftSection={<IconExternalLink size={16} stroke={1.6} />}
        >
          {t("accounts.rowMenu.open")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
