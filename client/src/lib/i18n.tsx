/**
 * The web app's language: the signed-in user's choice (their profile), before signing in the one
 * chosen on this browser or its own. Messages come from the one catalogue in shared/i18n.
 */
import { isLanguage, type Language, LOCALES } from "@shared/domain/languages.ts";
import { catalogue, type MessageKey, type MessageValues } from "@shared/i18n/catalogue.ts";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
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

const STORAGE_KEY = "wattfolio.language";

function browserLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
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
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const state = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LanguageContext value={state}>
      <IntlProvider locale={LOCALES[language]} messages={catalogue[language]} defaultLocale="en-GB">
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
