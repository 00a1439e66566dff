/**
 * Cursors for keyset pagination: the sort key of the last item of a page, as an opaque URL-safe
 * string (base64url of its JSON). The next page starts after it, so rows added or removed
 * meanwhile neither repeat nor skip an item, and a deep page costs what the first does.
 */

export function encodeCursor(key: readonly string[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The key a cursor holds, when it is one of `length` strings; null for anything else. */
export function decodeCursor(cursor: string, length: number): string[] | null {
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const key: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(key) || key.length !== length) return null;
    return key.every((part) => typeof part === "string") ? (key as string[]) : null;
  } catch {
    return null;
  }
}
