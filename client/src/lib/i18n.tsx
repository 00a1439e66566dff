/**
 * The web app's language: the signed-in user's choice (their profile), before signing in the one
 * chosen on this browser or its own. Messages come from the one catalogue in shared/i18n, one
 * language at a time, already parsed (scripts/messages-by-language.ts).
 */

import type { Messages } from "virtual:messages/en";
import {
  isLanguage,
  LANGUAGE_COOKIE,
  type Language,
  LOCALES,
  languageInCookie,
} from "@shared/domain/languages.ts";
import type { MessageKey, MessageValues } from "@shared/i18n/catalogue.ts";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { IntlProvider, useIntl } from "react-intl";

declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageKey;
    }
  }
}

const catalogues: Record<Language, () => Promise<{ default: Messages }>> = {
  en: () => import("virtual:messages/en"),
  es: () => import("virtual:messages/es"),
};
const loaded = new Map<Language, Messages>();

/** Downloads a language's messages once; the app shows a language only when they are here. */
export async function loadMessages(language: Language): Promise<void> {
  if (!loaded.has(language)) loaded.set(language, (await catalogues[language]()).default);
}

/**
 * The messages of a language (`loadMessages`); of the one loaded first while it is not loaded yet,
 * which can happen only to words written outside React before the page says its language.
 */
export function messagesOf(language: Language): Messages {
  const messages = loaded.get(language) ?? loaded.values().next().value;
  if (!messages) throw new Error("No language's messages are loaded yet");
  return messages;
}

/**
 * The language the app starts in: the one the server sent the page in, its messages preloaded (a
 * signed-in user's, else the one chosen on this browser, else the browser's own); where no server
 * says (Vite's dev server), the one chosen here, else the browser's own.
 */
export function browserLanguage(): Language {
  const sent = document.documentElement.dataset.language;
  if (isLanguage(sent)) return sent;
  const chosen = languageInCookie(document.cookie);
  if (chosen) return chosen;
  const preferred = navigator.languages.find((tag) => /^(en|es)\b/i.test(tag));
  return preferred?.toLowerCase().startsWith("es") ? "es" : "en";
}

interface LanguageState {
  language: Language;
  /** Shows the app in `language` at once and remembers it on this browser. */
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState(browserLanguage);
  // The last language asked for wins, even when an earlier one's messages arrive after it.
  const wanted = useRef(language);
  const setLanguage = useCallback((next: Language) => {
    wanted.current = next;
    // biome-ignore lint/suspicious/noDocumentCookie: older Safari and Firefox lack the Cookie Store API; the value is one of two fixed words.
    document.cookie = `${LANGUAGE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    void loadMessages(next).then(() => {
      if (wanted.current === next) setLanguageState(next);
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const state = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LanguageContext value={state}>
      <IntlProvider
        locale={LOCALES[language]}
        messages={messagesOf(language)}
        defaultLocale="en-GB"
      >
        {children}
      </IntlProvider>
    </LanguageContext>
  );
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage needs the LanguageProvider");
  return state;
}

export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** `t("accounts.title")`, `t("accounts.count", { count: 3 })`: a message in the user's language. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((key, values) => intl.formatMessage({ id: key }, values), [intl]);
}
