import { Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A bordered card with a heading: a section of a form or a page. */
export function TitledCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={4} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
