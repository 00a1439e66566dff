/**
 * The web app's page (index.html) as each visit needs it. The built page preloads the app's code
 * and the messages of both languages; a phone on a slow network pays for every file it names, and
 * learns of any other file only once the app's code has run, a round trip later. So the page sent:
 * - is in the visitor's language (the cookie the web app sets, else Accept-Language) and preloads
 *   only that language's messages;
 * - preloads the code of the page at its address, when the page's module is named after it
 *   (`/account-management` → routes/account-management.tsx, `/` → home);
 * - for a signed-in visit, carries the signed-in user (what `GET /api/v1/me` answers, which the
 *   app would otherwise ask for once its code had run), is in the language of their profile, and
 *   preloads the signed-in layout's code;
 * - is not sent to a visit that is not signed in, for a page of signed-in users: it is sent to the
 *   sign-in page (signInFirst) at once, instead of downloading the app to be told so.
 * The files each page needs come from the build (scripts/page-files.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  isLanguage,
  LANGUAGES,
  type Language,
  languageInCookie,
} from "../../shared/domain/languages.ts";
import { signInPageFrom } from "../../shared/domain/sign-in-page.ts";
import { carriesSessionCookie } from "../auth/better-auth.ts";
import { callerHeaders } from "./conditional-requests.ts";

/** Written by the build beside the app (scripts/page-files.ts). */
const PAGE_FILES = ".vite/pages.json";

export interface Visit {
  path: string;
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
  /** The signed-in user as `GET /api/v1/me` answers, when the visit's session is live. */
  signedIn?: { me: string; language: Language } | undefined;
}

/** JSON inside a <script> element: no `<` that could close it early. */
const scriptSafe = (json: string) => json.replaceAll("<", "\\u003c");

export type WebPage = (visit: Visit) => string;

/** The language a visit asks for: the app's cookie, else the first of ours in Accept-Language. */
export function languageOfVisit(visit: Visit): Language {
  const chosen = languageInCookie(visit.cookie);
  if (chosen) return chosen;
  const preferred = (visit.acceptLanguage ?? "")
    .split(",")
    .map((entry, order) => {
      const [tag = "", ...parameters] = entry.trim().split(";");
      const q = Number(
        parameters
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { language: tag.toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .find((entry) => isLanguage(entry.language));
  return isLanguage(preferred?.language) ? preferred.language : "en";
}

/** The page whose module is named after the address: `/` is home, `/users` is users. */
function pageAt(path: string): string | undefined {
  const name = path.split("?")[0]?.replace(/^\/|\/$/g, "") || "home";
  return /^[a-z-]+$/.test(name) ? name : undefined;
}

const languagePreload = (language: Language) =>
  new RegExp(`\\s*<link rel="modulepreload"[^>]*data-language="${language}"[^>]*>`);

export function loadWebPage(clientDir: string): WebPage {
  const built = readFileSync(join(clientDir, "index.html"), "utf8");
  const filesPath = join(clientDir, PAGE_FILES);
  const pages: Record<string, string[]> = existsSync(filesPath)
    ? JSON.parse(readFileSync(filesPath, "utf8"))
    : {};
  // The web app starts in the language named here (data-language), the one preloaded.
  const inLanguage = (language: Language) =>
    built.replace(/<html lang="[^"]*"/, `<html lang="${language}" data-language="${language}"`);
  const onlyIn = (language: Language) =>
    LANGUAGES.filter((other) => other !== language).reduce(
      (html, other) => html.replace(languagePreload(other), ""),
      inLanguage(language),
    );
  const pageIn = Object.fromEntries(
    LANGUAGES.map((language) => [language, onlyIn(language)]),
  ) as Record<Language, string>;

  return (visit) => {
    const address = pageAt(visit.path);
    const { signedIn } = visit;
    const files = new Set([
      ...(signedIn ? (pages.layout ?? []) : []),
      ...(address ? (pages[address] ?? []) : []),
    ]);
    const head = [...files].map((file) => `<link rel="modulepreload" crossorigin href="${file}">`);
    if (signedIn) {
      head.push(
        `<script id="signed-in-user" type="application/json">${scriptSafe(signedIn.me)}</script>`,
      );
    }
    return pageIn[signedIn?.language ?? languageOfVisit(visit)].replace(
      "</head>",
      `${head.map((line) => `\n    ${line}`).join("")}\n  </head>`,
    );
  };
}

/** What a visit's session is, as the app itself answers `GET /api/v1/me` for it. */
export type SessionOfVisit =
  | { state: "signed-in"; me: string; language: Language }
  | { state: "signed-out" }
  /** The answer could not be had: the web app asks again, and says why if it fails. */
  | { state: "unknown" };

/** The visit's session, asked of the app itself as the web app would ask it. */
export async function sessionOfVisit(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<SessionOfVisit> {
  if (!carriesSessionCookie(request.headers)) return { state: "signed-out" };
  try {
    const answer = await app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: callerHeaders(request),
    });
    if (answer.statusCode === 401) return { state: "signed-out" };
    if (answer.statusCode !== 200) return { state: "unknown" };
    const { language } = answer.json<{ language?: unknown }>();
    return isLanguage(language)
      ? { state: "signed-in", me: answer.body, language }
      : { state: "unknown" };
  } catch {
    return { state: "unknown" };
  }
}

/** The pages anyone may open (client/src/app/router.tsx); every other one is for a signed-in user. */
const OPEN_TO_ANYONE = /^\/(login|forgot-password|reset-password|invitations\/[^/]+)\/?$/;

/**
 * Where a visit that is not signed in goes instead of a page for signed-in users: the sign-in page,
 * with the way back, as the web app would send it once its code had run and the server had refused
 * it. Undefined for a page open to anyone.
 */
export function signInFirst(url: string): string | undefined {
  const path = url.split("?")[0] ?? "/";
  return OPEN_TO_ANYONE.test(path) ? undefined : signInPageFrom(url);
}
