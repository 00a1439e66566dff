import { Badge } from "@mantine/core";

const NAMES = { en: "English", es: "Spanish" } as const;

/** The language a message was written in (the recipient's). */
export function LanguageBadge({ language }: { language: "en" | "es" | null }) {
  if (!language) return null;
  return (
    <Badge variant="outline" color="gray" radius="sm" title={NAMES[language]}>
      {language.toUpperCase()}
    </Badge>
  );
}
