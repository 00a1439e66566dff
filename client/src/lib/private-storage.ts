/**
 * What this browser keeps of one signed-in person (e.g. a half-filled form) lives under one prefix,
 * so that signing out leaves none of it behind on a shared machine. Language and similar
 * preferences, which say nothing of anyone, stay.
 */
const PREFIX = "wattfolio.private.";

export const privateKey = (name: string): string => `${PREFIX}${name}`;

export function forgetPrivateData(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  }
}
