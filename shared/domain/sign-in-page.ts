/**
 * The sign-in page's address for someone sent there from `here` (a path and its query): with the
 * way back, which the page follows once signed in. The server sends a signed-out visit there, and
 * the web app a session that ended.
 */
export function signInPageFrom(here: string): string {
  return here === "/" ? "/login" : `/login?next=${encodeURIComponent(here)}`;
}
