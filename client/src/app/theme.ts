import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  type VariantColorsResolver,
} from "@mantine/core";
import type { Translate } from "../lib/i18n.tsx";

/**
 * Coloured text on a pale ground (light, outline and subtle badges, alerts and buttons) is drawn a
 * shade darker than Mantine's: its orange, yellow and teal read at 2 to 3.5:1, below WCAG AA.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (!["light", "outline", "subtle", "transparent"].includes(input.variant ?? "")) return colors;
  const palette = input.theme.colors[input.color ?? input.theme.primaryColor];
  if (!palette) return colors;
  return { ...colors, color: darken(palette[9], 0.35) };
};

/** Indigo for what the user can do; teal, amber and red stay free to mean usage and urgency. */
export const themeIn = (t: Translate) =>
  createTheme({
    primaryColor: "indigo",
    // Shade 8: links and filled buttons keep 5.7:1 against white.
    primaryShade: 8,
    variantColorResolver,
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
