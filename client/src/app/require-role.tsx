import { Button } from "@mantine/core";
import type { Me } from "@shared/api/me.ts";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useIntl } from "react-intl";
import { Link } from "react-router";
import { MessagePage } from "../components/message-page.tsx";
import { useMe } from "../features/auth/index.ts";
import { useT } from "../lib/i18n.tsx";

/** Shows a page only to the role it is for; others learn it is not theirs (the API refuses too). */
export function RequireRole({
  only,
  children,
}: {
  only: Me["role"] | readonly Me["role"][];
  children: ReactNode;
}) {
  const t = useT();
  const intl = useIntl();
  const me = useMe();
  const roles: readonly Me["role"][] = typeof only === "string" ? [only] : only;
  if (roles.includes(me.role)) return children;
  return (
    <MessagePage
      icon={<IconLock size={32} />}
      title={t("app.requireRole.title")}
      text={t("app.requireRole.text", {
        who: intl.formatList(
          roles.map((role) => t(`app.requireRole.who.${role}`)),
          { type: "conjunction" },
        ),
      })}
      action={
        <Button component={Link} to="/" mt="sm">
          {t("app.backToHome")}
        </Button>
      }
    />
  );
}
