/**
 * The ILIKE pattern of a search box: text found anywhere, the user's `%`, `_` and `\` taken as
 * themselves (PostgreSQL's default escape character is the backslash).
 */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
