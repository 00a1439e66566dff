import { Badge } from "@mantine/core";
import { useT } from "../../../lib/i18n.tsx";

/** The language a message was written in (the recipient's). */
export function LanguageBadge({ language }: { language: "en" | "es" | null }) {
  const t = useT();
  if (!language) return null;
  return (
    <Badge
      variant="outline"
      color="gray"
      radius="sm"
      title={t(language === "es" ? "app.languageOption.es" : "app.languageOption.en")}
    >
      {language.toUpperCase()}
    </Badge>
  );
}
