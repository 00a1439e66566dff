import type { AccountSummary } from "@shared/api/accounts.ts";
import type { ChangeKind } from "@shared/domain/applications.ts";
import { IconPencilPlus } from "@tabler/icons-react";
import { useState } from "react";
import { ButtonMenu, useReturnFocus } from "../../../components/row-menu.tsx";
import { useT } from "../../../lib/i18n.tsx";
import { ChangeActionItems } from "./change-account/change-actions.tsx";
import { LazyChangeAccountModal } from "./change-account/lazy-change-account-modal.tsx";

/**
 * "Request a change" on an account's page: the same changes and forms as its row's ⋮ menu in
 * Account management. What is filed shows among the page's pending applications.
 */
export function RequestChangeMenu({ account }: { account: AccountSummary }) {
  const t = useT();
  const [kind, setKind] = useState<ChangeKind | null>(null);
  const focus = useReturnFocus();
  const close = () => {
    setKind(null);
    focus.back();
  };
  return (
    <>
      <ButtonMenu
        label={t("accounts.rowMenu.requestChange")}
        leftSection={<IconPencilPlus size={16} />}
      >
        <ChangeActionItems
          account={account}
          onAction={(chosen, opener) => {
            focus.from(opener);
            setKind(chosen);
          }}
        />
      </ButtonMenu>
      {kind && (
        <LazyChangeAccountModal
          key={kind}
          kind={kind}
          account={account}
          onClose={close}
          onFiled={close}
        />
      )}
    </>
  );
}
