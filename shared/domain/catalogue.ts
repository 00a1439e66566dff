/**
 * The licence catalogue: licences, Bill Management licence types and customer sectors. An entry is
 * retired, never removed: it stays on the accounts that have it (and in their history, by name),
 * but a new application or a licence change can no longer choose it.
 */

export const CATALOGUE_SECTIONS = ["licences", "billManagementTypes", "sectors"] as const;
export type CatalogueSection = (typeof CATALOGUE_SECTIONS)[number];

/** What each section is called on screens and in the security log. */
export const CATALOGUE_SECTION_LABELS: Record<CatalogueSection, { one: string; many: string }> = {
  licences: { one: "licence", many: "Licences" },
  billManagementTypes: {
    one: "Bill Management licence type",
    many: "Bill Management licence types",
  },
  sectors: { one: "sector", many: "Sectors" },
};

/** Codes are lower-case words joined by hyphens: `professional-plus`. */
export const CATALOGUE_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CATALOGUE_CODE_MAX = 40;

/**
 * The code an entry gets when none is entered: its name in lower-case ASCII words joined by
 * hyphens ("Profesional Plus (2026)" → "profesional-plus-2026"). Empty when the name has no
 * letter or digit in the Latin alphabet; then a code must be entered.
 */
export function codeFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, CATALOGUE_CODE_MAX)
    .replace(/-+$/, "");
}

export interface Entry<K extends string> {
  key: K;
  name: string;
  active: boolean;
}

/**
 * Names by id (or code), for what can be chosen now or for everything the catalogue ever had: a
 * retired entry cannot be chosen, but it still has a name where it appears.
 */
export function namesOf<K extends string>(
  entries: readonly Entry<K>[],
  which: "offered" | "all",
): (key: K) => string | undefined {
  const names = new Map(
    entries
      .filter((entry) => entry.active || which === "all")
      .map((entry) => [entry.key, entry.name]),
  );
  return (key) => names.get(key);
}

/**
 * Whether a change may name an entry: the catalogue offers it, or the account already has it (a
 * retired Bill Management type is kept through a meter upgrade, not chosen anew).
 */
export function isChoosable(
  offered: (key: string) => string | undefined,
  key: string,
  current: string | null,
): boolean {
  return key === current || offered(key) !== undefined;
}
