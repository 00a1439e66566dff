import { createTheme } from "@mantine/core";
import type { Translate } from "../lib/i18n.tsx";

/** Indigo for what the user can do; teal, amber and red stay free to mean usage and urgency. */
export const themeIn = (t: Translate) =>
  createTheme({
    primaryColor: "indigo",
    primaryShade: 7,
    defaultRadius: "md",
    fontFamily:
      "Inter, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    headings: { fontWeight: "650" },
    components: {
      Paper: { defaultProps: { shadow: "xs" } },
      // Mantine's close button is an icon alone: it needs a name for screen readers.
      Modal: { defaultProps: { closeButtonProps: { "aria-label": t("common.close") } } },
      Drawer: { defaultProps: { closeButtonProps: { "aria-label": t("common.close") } } },
      // Badges carry short words (statuses, days): shown whole, never cut to "APPROV…" by a narrow column.
      Badge: { styles: { label: { overflow: "visible" } } },
    },
  });
