import { Center, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from "@shared/domain/languages.ts";
import type { ReactNode } from "react";
import { useLanguage, useT } from "../lib/i18n.tsx";
import { Logo } from "./logo.tsx";

/** English · Español, each in its own words; the choice is kept on this browser. */
function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <SegmentedControl
      color="indigo"
      aria-label={t("app.language")}
      size="xs"
      data={LANGUAGES.map((value) => ({
        value,
        label: <span lang={value}>{LANGUAGE_NAMES[value]}</span>,
      }))}
      value={language}
      onChange={(value) => {
        if (isLanguage(value)) setLanguage(value);
      }}
    />
  );
}

/**
 * A page for someone not signed in (signing in, a forgotten password): the logo over one card, and
 * under it the choice of language.
 */
export function PublicPage({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  useDocumentTitle(`${title} · Wattfolio`);
  return (
    <Center
      mih="100vh"
      p="md"
      style={{
        background:
          "linear-gradient(135deg, var(--mantine-color-indigo-0) 0%, var(--mantine-color-gray-0) 50%, var(--mantine-color-cyan-0) 100%)",
      }}
    >
      <Stack align="center" gap="lg" w="100%" maw={420}>
        <Logo size="lg" />
        <Paper component="main" withBorder shadow="md" radius="lg" p="xl" w="100%">
          <Stack gap={4} mb="lg">
            <Title order={1} size="h3">
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </Stack>
          {children}
        </Paper>
        <LanguageSwitch />
      </Stack>
    </Center>
  );
}
