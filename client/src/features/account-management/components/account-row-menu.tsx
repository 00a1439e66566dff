import { Menu } from "@mantine/core";
import type { AccountSummary } from "@shared/api/accounts.ts";
import type { ChangeKind } from "@shared/domain/applications.ts";
import { IconExternalLink } from "@tabler/icons-react";
import { Link } from "react-router";
import { RowMenu } from "../../../components/row-menu.tsx";
import { useT } from "../../../lib/i18n.tsx";
import { ChangeActionItems } from "./change-account/change-actions.tsx";

/** The ⋮ menu of an account's row: the changes it can be asked for, and its page. */
export function AccountRowMenu({
  account,
  onAction,
}: {
  account: AccountSummary;
  /** `opener` is the ⋮ button, where the focus goes back when the change form closes. */
  onAction: (kind: ChangeKind, opener: HTMLElement | null) => void;
}) {
  const t = useT();
  return (
    <RowMenu label={t("accounts.rowMenu.actionsFor", { name: account.name })}>
      <Menu.Label>{t("accounts.rowMenu.requestChange")}</Menu.Label>
      <ChangeActionItems account={account} onAction={onAction} />
      <Menu.Divider />
      <Menu.Item
        component={Link}
        to={`/accounts/${account.id}`}
        leftSection={<IconExternalLink size={16} stroke={1.6} />}
      >
        {t("accounts.rowMenu.open")}
      </Menu.Item>
    </RowMenu>
  );
}
