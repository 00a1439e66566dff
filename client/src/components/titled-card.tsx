import { Paper, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

/** A bordered card with a heading: a section of a form or a page, a landmark named by its heading. */
export function TitledCard({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="lg">
      <Title id={headingId} order={4} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
