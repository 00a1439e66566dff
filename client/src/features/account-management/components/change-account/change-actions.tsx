import type { AccountSummary } from "@shared/api/accounts.ts";
import type { ChangeKind } from "@shared/domain/applications.ts";
import {
  IconArrowsExchange,
  IconCalendarPlus,
  IconDatabaseEdit,
  IconGauge,
  IconLicense,
  IconMessage2Plus,
} from "@tabler/icons-react";
import type { ComponentType } from "react";
import { RowMenuDialogItem } from "../../../../components/row-menu.tsx";
import { useT } from "../../../../lib/i18n.tsx";

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

/**
 * The changes an account can be asked for, as items of a menu (a row's ⋮ or a page's button);
 * `opener` is the menu's button, where the focus goes back when the change form closes.
 */
export function ChangeActionItems({
  account,
  onAction,
}: {
  account: Pick<AccountSummary, "status">;
  onAction: (kind: ChangeKind, opener: HTMLElement | null) => void;
}) {
  const t = useT();
  return ACTIONS[account.status].map((kind) => {
    const Icon = ICONS[kind];
    return (
      <RowMenuDialogItem
        key={kind}
        leftSection={<Icon size={16} stroke={1.6} />}
        onOpen={(opener) => onAction(kind, opener)}
      >
        {t(`app.applicationKind.${kind}`)}
      </RowMenuDialogItem>
    );
  });
}
