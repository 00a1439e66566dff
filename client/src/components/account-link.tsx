import { Anchor } from "@mantine/core";
import { Link } from "react-router";

export function AccountLink({ account }: { account: { id: string; name: string } }) {
  return (
    <Anchor component={Link} to={`/accounts/${account.id}`} fw={500} size="sm">
      {account.name}
    </Anchor>
  );
}
