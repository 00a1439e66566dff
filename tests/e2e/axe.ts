import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * No critical or serious WCAG 2.1 A/AA violation on what the page shows now. Each is listed with
 * the elements it was found on, so a failure says what to mend.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const blocking = violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map(
            (node) =>
              `${node.target.join(" ")}${node.failureSummary ? ` [${node.failureSummary.split("\n").slice(1, 2).join("").trim()}]` : ""}`,
          )
          .join("; ")}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ""}`,
    );
  expect(blocking, `axe on ${screen}`).toEqual([]);
}
