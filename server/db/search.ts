/** Text a LIKE pattern takes as itself: the user's `%`, `_` and `\` escaped (PostgreSQL's default
 * escape character is the backslash). */
export const literally = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The ILIKE pattern of a search box: text found anywhere, taken as typed. */
export const containing = (text: string): string => `%${literally(text)}%`;
