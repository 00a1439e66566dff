/** Reading a list by cursors in tests, as a client does. */

/**
 * Every page of a list: the first (`read(undefined)`), then each after the last one's `next`,
 * until a page has none. `meanwhile` runs before each following page is read, with the number of
 * pages read so far: what changes the list while it is being read.
 */
export async function followingPages<P extends { next: string | null }>(
  read: (after: string | undefined) => Promise<P>,
  meanwhile: (pagesRead: number) => Promise<unknown> = async () => {},
): Promise<P[]> {
  const pages = [await read(undefined)];
  for (let page = pages[0]; page?.next; page = pages.at(-1)) {
    await meanwhile(pages.length);
    pages.push(await read(page.next));
  }
  return pages;
}
