import { Button } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconMapQuestion } from "@tabler/icons-react";
import { Link } from "react-router";
import { MessagePage } from "../../components/message-page.tsx";
import { useT } from "../../lib/i18n.tsx";

export function NotFoundRoute() {
  const t = useT();
  const title = t("app.notFound.title");
  useDocumentTitle(`${title} · Wattfolio`);
  return (
    <MessagePage
      icon={<IconMapQuestion size={32} />}
      title={title}
      text={t("app.notFound.text")}
      action={
        <Button component={Link} to="/" mt="sm">
          {t("app.backToHome")}
        </Button>
      }
    />
  );
}
