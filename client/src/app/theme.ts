import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  type VariantColorsResolver,
} from "@mantine/core";
import type { Translate } from "../lib/i18n.tsx";
import { filledGround, ink } from "../lib/ink.ts";

/**
 * Colours that keep WCAG AA contrast: words on a pale ground (light, outline and subtle badges,
 * alerts and buttons) in ink, and white words on a filled ground dark enough for them — Mantine's
 * own orange, yellow, teal and green read at 2 to 3.5:1.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const color = input.color ?? input.theme.primaryColor;
  if (!(color in input.theme.colors)) return colors;
  if (input.variant === "filled" && !input.autoContrast) {
    const ground = filledGround(color);
    return { ...colors, background: ground, hover: darken(ground, 0.1), color: "#fff" };
  }
  if (["light", "outline", "subtle", "transparent"].includes(input.variant ?? "")) {
    return { ...colors, color: ink(color) };
  }
  return colors;
};

/** Indigo for what the user can do; teal, amber and red stay free to mean usage and urgency. */
export const themeIn = (t: Translate) =>
  createTheme({
    primaryColor: "indigo",
    // Someone whose system asks for less motion gets dialogs and menus without their transitions.
    respectReducedMotion: true,
    // Shade 8: links and filled buttons keep 5.7:1 against white.
    primaryShade: 8,
    variantColorResolver,
    defaultRadius: "md",
    fontFamily:
      "Inter, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    headings: { fontWeight: "650" },
    components: {
      Paper: { defaultProps: { shadow: "xs" } },
      // A table wider than a phone scrolls sideways: the keyboard must reach it to scroll it.
      TableScrollContainer: { defaultProps: { type: "native", tabIndex: 0 } },
      // The placeholder a menu focuses first is a div with a tabindex: a menu may hold only items.
      Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
      // Mantine's close button is an icon alone: it needs a name for screen readers.
      Modal: { defaultProps: { closeButtonProps: { "aria-label": t("common.close") } } },
      Drawer: { defaultProps: { closeButtonProps: { "aria-label": t("common.close") } } },
      Notification: { defaultProps: { closeButtonProps: { "aria-label": t("common.close") } } },
      // A closed picker's options are not in the page: kept there hidden, each picker measured its
      // place on every page load, which made a slow phone lay the whole page out again.
      Combobox: { defaultProps: { keepMounted: false } },
      // Badges carry short words (statuses, days): shown whole, never cut to "APPROV…" by a narrow column.
      Badge: { styles: { label: { overflow: "visible" } } },
    },
  });
