/**
 * The `WWW-Authenticate` challenges of a 401 (RFC 9110 §11.6.1): how to authenticate where the
 * request was refused. API keys are taken by the usage API and the event feed, as
 * `Authorization: Bearer <secret>` (RFC 6750, with `error="invalid_token"` when a key was sent and
 * refused); everything under /api also takes the web app's session cookie, set by signing in at
 * `form-action` (the `Cookie` scheme of draft-broyer-http-cookie-auth, the one precedent for saying so).
 */
import type { FastifyRequest } from "fastify";

export const REALM = "wattfolio";
export const SIGN_IN_PATH = "/api/auth/sign-in/email";

const KEY_PATHS = /^\/api\/v1\/(usage|events)(\/|\?|$)/;

export function challengesFor(request: FastifyRequest): string[] {
  const session = `Cookie realm="${REALM}", form-action="${SIGN_IN_PATH}"`;
  if (!KEY_PATHS.test(request.url)) return [session];
  const refusedKey = request.headers.authorization !== undefined ? `, error="invalid_token"` : "";
  return [`Bearer realm="${REALM}"${refusedKey}`, session];
}
