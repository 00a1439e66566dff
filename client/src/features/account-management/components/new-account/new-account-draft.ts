/**
 * The create form's draft: what a SuperAdmin typed and has not sent yet, kept in this browser's
 * localStorage so that a back, a reload or a new sign-in after the session ended loses nothing.
 * One draft per signed-in user, so two people sharing a browser never see each other's.
 */

import { privateKey } from "../../../../lib/private-storage.ts";
import { type NewAccountValues, withRtcLinesOffered } from "./new-account-values.ts";

const VERSION = 1;

/** Where the user's draft is kept. */
export const draftKey = (userId: string): string => privateKey(`newAccountDraft.${userId}`);

/** What each input may hold, to read back only what the form can show. */
const KINDS: Record<keyof NewAccountValues, "text" | "choice" | "number"> = {
  name: "text",
  customerName: "text",
  country: "choice",
  sectorCode: "choice",
  licenceId: "choice",
  periodMonths: "number",
  datapoints: "number",
  billManagementTypeId: "text",
  rtmMeters: "number",
  additionalPods: "number",
  smsCredits: "number",
  rtcLines: "number",
  emailDomain: "text",
  comment: "text",
};

const FIELDS = Object.keys(KINDS) as (keyof NewAccountValues)[];

function fits(kind: (typeof KINDS)[keyof NewAccountValues], value: unknown): boolean {
  switch (kind) {
    case "text":
      return typeof value === "string";
    case "choice":
      return value === null || typeof value === "string";
    case "number":
      return (typeof value === "number" && Number.isFinite(value)) || typeof value === "string";
  }
}

export function serializeDraft(values: NewAccountValues): string {
  const kept = Object.fromEntries(FIELDS.map((field) => [field, values[field]]));
  return JSON.stringify({ version: VERSION, values: kept });
}

/**
 * The draft as the form can show it, over a blank form: fields it lacks or cannot hold keep the
 * blank's value, and RTC lines go where the country allows them. Nothing readable: null.
 */
export function parseDraft(text: string | null, blank: NewAccountValues): NewAccountValues | null {
  if (text === null) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof stored !== "object" || stored === null) return null;
  const { version, values } = stored as { version?: unknown; values?: unknown };
  if (version !== VERSION || typeof values !== "object" || values === null) return null;
  const found = values as Record<string, unknown>;
  const draft: NewAccountValues = { ...blank };
  for (const field of FIELDS) {
    if (field in found && fits(KINDS[field], found[field])) {
      Object.assign(draft, { [field]: found[field] });
    }
  }
  return withRtcLinesOffered(draft);
}

/** Whether the form still holds what it started with: nothing worth keeping or asking about. */
export function sameValues(a: NewAccountValues, b: NewAccountValues): boolean {
  return FIELDS.every((field) => a[field] === b[field]);
}

/** localStorage may be full, or refused (private windows, policies): a lost draft is no error. */
export const draftStorage = {
  load(userId: string, blank: NewAccountValues): NewAccountValues | null {
    try {
      return parseDraft(localStorage.getItem(draftKey(userId)), blank);
    } catch {
      return null;
    }
  },
  save(userId: string, values: NewAccountValues): void {
    try {
      localStorage.setItem(draftKey(userId), serializeDraft(values));
    } catch {
      // Kept only as long as the page is open.
    }
  },
  remove(userId: string): void {
    try {
      localStorage.removeItem(draftKey(userId));
    } catch {
      // Nothing was kept.
    }
  },
};
