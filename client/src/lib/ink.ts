import { DEFAULT_THEME, darken, luminance, type MantineColor } from "@mantine/core";

const paletteOf = (color: MantineColor) => DEFAULT_THEME.colors[color] ?? DEFAULT_THEME.colors.gray;

/**
 * A colour for words, where a palette's own shades are too pale to read: Mantine's orange, yellow
 * and teal reach 2 to 4:1 on white or their light ground, below WCAG AA's 4.5:1. This one reads at
 * 5.7:1 or more on both.
 */
export function ink(color: MantineColor): string {
  return darken(paletteOf(color)[9], 0.35);
}

const contrastWithWhite = (background: string) => 1.05 / (luminance(background) + 0.05);

/** The ground of a filled button or badge with white words on it: shade 8, darker if need be. */
export function filledGround(color: MantineColor): string {
  let ground = paletteOf(color)[8];
  for (let amount = 0.1; contrastWithWhite(ground) < 4.5 && amount <= 0.5; amount += 0.1) {
    ground = darken(paletteOf(color)[8], amount);
  }
  return ground;
}
