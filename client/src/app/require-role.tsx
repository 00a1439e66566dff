import { Button } from "@mantine/core";
import type { Me } from "@shared/api/me.ts";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { MessagePage } from "../components/message-page.tsx";
import { useMe } from "../features/auth/index.ts";

const WHO: Record<Me["role"], string> = {
  superadmin: "SuperAdmins",
  customer_success: "the Customer Success team",
  account_user: "account users",
};

/** Shows a page only to the role it is for; others learn it is not theirs (the API refuses too). */
export function RequireRole({
  only,
  children,
}: {
  only: Me["role"] | readonly Me["role"][];
  children: ReactNode;
}) {
  const me = useMe();
  const roles: readonly Me["role"][] = typeof only === "string" ? [only] : only;
  if (roles.includes(me.role)) return children;
  return (
    <MessagePage
      icon={<IconLock size={32} />}
      title="Not available to you"
      text={`This page is for ${roles.map((role) => WHO[role]).join(" and ")}.`}
      action={
        <Button component={Link} to="/" mt="sm">
          Back to home
        </Button>
      }
    />
  );
}
