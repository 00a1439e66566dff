/**
 * Text a LIKE pattern takes as itself: the user's `%`, `_` and `\` escaped (PostgreSQL's default
 * escape character is the backslash).
 */
export const literally = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The ILIKE pattern of a search box: text found anywhere, taken as typed. */
export const containing = (text: string): string => `%${literally(text)}%`;

/**
 * Whether a search's text holds three letters or digits in a row: a trigram (pg_trgm) of its own,
 * which an index of trigrams finds among few rows. Shorter text is looked up by its letter pairs.
 */
export const hasTrigram = (text: string): boolean => /[\p{L}\p{N}]{3}/u.test(text);
