/**
 * The one way the web client talks to the API: same-origin JSON over fetch. Refusals arrive as
 * RFC 9457 problem+json and are thrown as `ApiError`; a lost session sends the user to the login page.
 */
import { createIntl, createIntlCache, type IntlShape } from "@formatjs/intl";
import { type Language, LOCALES, languageOf } from "@shared/domain/languages.ts";
import { signInPageFrom } from "@shared/domain/sign-in-page.ts";
import type { FieldError } from "@shared/errors.ts";
import type { MessageKey } from "@shared/i18n/catalogue.ts";
import { localiseWith } from "@shared/i18n/server-words.ts";
import { messagesOf, type Translate } from "./i18n.tsx";

const intlCache = createIntlCache();
const intls = new Map<Language, IntlShape>();

/**
 * A message in the language on screen (the page's `lang`, which the LanguageProvider keeps), for
 * words written outside React: a request's failure, the notification of an error nobody handles.
 */
export const translateNow: Translate = (key, values) => {
  const language = languageOf(document.documentElement.lang);
  const messages = messagesOf(language);
  let intl = intls.get(language);
  // Made again once the language's own messages arrive, if it was first made with another's.
  if (intl?.messages !== messages) {
    intl = createIntl({ locale: LOCALES[language], messages }, intlCache);
    intls.set(language, intl);
  }
  return intl.formatMessage({ id: key }, values);
};

/**
 * An English text a shared schema or the server wrote (a field message, a problem's title or
 * detail) in the language on screen, when the catalogue's validation area knows it; else unchanged.
 */
export function localise(text: string): string {
  return localiseWith(text, languageOf(document.documentElement.lang), translateNow);
}

interface Problem {
  code: string;
  title: string;
  detail: string;
  errors: FieldError[];
  /** Members a refusal adds of its own, e.g. `pendingApplicationId` of APPLICATION_ALREADY_PENDING. */
  extensions: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly errors: FieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(status: number, problem: Problem) {
    super(problem.detail);
    this.name = "ApiError";
    this.status = status;
    this.code = problem.code;
    this.title = problem.title;
    this.errors = problem.errors;
    this.extensions = problem.extensions;
  }
}

export type QueryParams = Record<string, string | number | undefined>;

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  query?: QueryParams;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/** `path` with the query's set values as its query string. */
export function withQuery(path: string, query: QueryParams | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function problemOf(response: Response): Promise<Problem> {
  const body = (await response.json().catch(() => ({}))) as Partial<Problem> &
    Record<string, unknown>;
  const { code, title, detail, errors, type, status, instance, ...extensions } = body;
  // The server writes English: its words reach the user in the language on screen, here once.
  return {
    extensions,
    code: code ?? `HTTP_${response.status}`,
    title: title ? localise(title) : response.statusText || translateNow("app.api.requestFailed"),
    detail: detail ? localise(detail) : translateNow("app.api.requestNotCompleted"),
    errors: Array.isArray(errors)
      ? errors.map((error) => ({ ...error, message: localise(error.message) }))
      : [],
  };
}

/**
 * A fresh page load on purpose: it also drops every cached answer of the session that ended.
 * Sign-in's own 401 (wrong password) is the login form's business, not a lost session.
 */
function sendToLogin(path: string): void {
  if (path.startsWith("/api/auth/") || window.location.pathname === "/login") return;
  window.location.assign(signInPageFrom(`${window.location.pathname}${window.location.search}`));
}

const networkError = (title: MessageKey, detail: MessageKey) =>
  new ApiError(0, {
    code: "NETWORK_ERROR",
    title: translateNow(title),
    detail: translateNow(detail),
    errors: [],
    extensions: {},
  });

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = "GET", body, query, headers, signal } = options;
  // Offline, a change is not attempted at all: nothing can reach the server half-way.
  if (method !== "GET" && !navigator.onLine) {
    throw networkError("app.api.notSent", "app.api.notSentDetail");
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json, application/problem+json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    // The connection may have dropped after the server had the request: never say "not sent" here.
    throw networkError("app.api.unreachable", "app.api.checkConnection");
  }
  if (response.ok) {
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  if (response.status === 401) sendToLogin(path);
  throw new ApiError(response.status, await problemOf(response));
}

/** Field errors of a refusal whose paths start with `prefix` (e.g. `payload.`), keyed without it. */
export function fieldErrorsOf(error: ApiError, prefix = ""): Record<string, string> {
  const found: Record<string, string> = {};
  for (const { field, message } of error.errors) {
    if (!field.startsWith(prefix)) continue;
    const key = field.slice(prefix.length);
    found[key] ??= message;
  }
  return found;
}
