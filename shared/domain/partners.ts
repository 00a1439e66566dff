/**
 * Partners: the companies that resell Wattfolio. Customer Success creates them, sets where they
 * are (country, time zone, default language) and suspends them; a suspended partner keeps all its
 * data, but none of its people can sign in until it is reinstated.
 */

export type PartnerStatus = "active" | "suspended";

export function partnerStatus(partner: { suspendedAt: Date | string | null }): PartnerStatus {
  return partner.suspendedAt === null ? "active" : "suspended";
}

/**
 * An IANA time zone as the IANA database spells it (`Europe/Madrid`, `Asia/Kolkata`, `UTC`). The
 * runtime accepts more (`europe/madrid`, `+01:00`), but a partner's zone is shown and compared as
 * stored, so only a zone's own name is taken. The runtime may name a zone by an older alias
 * (`Asia/Calcutta`): both spellings are real IANA names and both are taken.
 */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Z][\w+-]*(?:\/[A-Z][\w+-]*)*$/.test(zone)) return false;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  // The same name in other letter case is a misspelling; another name is an alias.
  return resolved.toLowerCase() !== zone.toLowerCase() || resolved === zone;
}

/** The zones to choose from: the runtime's list of IANA zones, and UTC, which it leaves out. */
export function timeZoneChoices(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone")];
}
