/** The catalogue's messages written out on the server: e-mails and the summaries the API returns. */
import { createIntl, createIntlCache, type IntlShape } from "@formatjs/intl";
import { LANGUAGES, type Language, LOCALES } from "../../shared/domain/languages.ts";
import { catalogue, type Translate } from "../../shared/i18n/catalogue.ts";

const cache = createIntlCache();
const intls = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    createIntl({ locale: LOCALES[language], messages: catalogue[language] }, cache),
  ]),
) as Record<Language, IntlShape>;

export function translator(language: Language): Translate {
  const intl = intls[language];
  return (key, values) => intl.formatMessage({ id: key }, values);
}

/** `1 December 2026` / `1 de diciembre de 2026`: calendar dates are read as they are, in no time zone. */
export function formatCalendarDate(date: string, language: Language): string {
  return intls[language].formatDate(new Date(`${date}T00:00:00Z`), {
    dateStyle: "long",
    timeZone: "UTC",
  });
}
