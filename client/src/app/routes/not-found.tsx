import { Button } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconMapQuestion } from "@tabler/icons-react";
import { Link } from "react-router";
import { MessagePage } from "../../components/message-page.tsx";

export function NotFoundRoute() {
  useDocumentTitle("Page not found · Wattfolio");
  return (
    <MessagePage
      icon={<IconMapQuestion size={32} />}
      title="Page not found"
      text="There is nothing at this address. It may have moved, or the link may be mistyped."
      action={
        <Button component={Link} to="/" mt="sm">
          Back to home
        </Button>
      }
    />
  );
}
