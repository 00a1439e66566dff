/**
 * Keyset pages of the mailbox and the outbox: following `next` visits every message once, newest
 * first, even where many share one time to the microsecond and while mail keeps arriving; `previous`
 * comes back; a search finds text anywhere in the recipient or the subject; the total is exact up
 * to 1,000; a cursor the list did not give is a 400; each page is a range of one index.
 */
import { type SQLWrapper, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  MailboxItem,
  MailboxPage,
  OutboxItem,
  OutboxPage,
} from "../../shared/api/lifecycle.ts";
import { encodeCursor } from "../../shared/domain/cursor.ts";
import { refreshStatistics } from "../db/client.ts";
import { mailboxMessages, mailOutbox } from "../db/schema/index.ts";
import { createCustomerSuccess } from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { followingPages } from "../test/pages.ts";
import { queryPlan } from "../test/query-plan.ts";
import { mailboxPageQuery, outboxPageQuery } from "./queries.ts";

let t: TestApp;
let customerSuccess: Session;

/** Nine messages: four delivered at one instant, two a microsecond apart, three a minute apart. */
const DELIVERED = [
  "2026-03-15 09:00:00.000000+00",
  "2026-03-15 09:00:00.000000+00",
  "2026-03-15 09:00:00.000000+00",
  "2026-03-15 09:00:00.000000+00",
  "2026-03-15 09:00:00.000001+00",
  "2026-03-15 09:00:00.000002+00",
  "2026-03-15 09:01:00+00",
  "2026-03-15 09:02:00+00",
  "2026-03-15 09:03:00+00",
];
const SUBJECTS = ["Alba", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India"];
const STATUSES = ["sent", "failed", "queued", "sent", "retrying", "sent", "sent", "failed", "sent"];

async function deliver(subject: string, at: string, to = `${subject.toLowerCase()}@example.com`) {
  await t.db.execute(sql`
    insert into ${mailboxMessages} (message_id, sender, recipient, subject, html, text, delivered_at)
    values (${`<${crypto.randomUUID()}@wattfolio>`}, 'noreply@wattfolio.test', ${to}, ${subject},
      '<p></p>', '', ${at}::timestamptz)`);
}

async function queue(subject: string, at: string, status: string) {
  await t.db.execute(sql`
    insert into ${mailOutbox} (message_id, topic, recipient, language, subject, html, text, status,
      queued_at, next_attempt_at, sent_at)
    values (${`<${crypto.randomUUID()}@wattfolio>`}, 'invitation', ${`${subject.toLowerCase()}@example.com`},
      'en', ${subject}, '<p></p>', '', ${status}, ${at}::timestamptz, ${at}::timestamptz,
      ${status === "sent" ? sql`${at}::timestamptz` : sql`null`})`);
}

beforeAll(async () => {
  // The mailbox and the outbox are the whole platform's: a database of their own.
  t = await startTestApp({ isolated: true, now: "2026-03-15T10:00:00Z" });
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
  for (const [i, subject] of SUBJECTS.entries()) {
    await deliver(subject, DELIVERED[i] as string);
    await queue(subject, DELIVERED[i] as string, STATUSES[i] as string);
  }
});
afterAll(() => t.close());

async function read<P>(url: string): Promise<P> {
  const response = await customerSuccess.request({ method: "GET", url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const subjects = (items: (MailboxItem | OutboxItem)[]) => items.map((item) => item.subject);

/** Every page of a list, following `next` from the first page. */
const following = <P extends MailboxPage | OutboxPage>(
  url: string,
  meanwhile?: () => Promise<void>,
): Promise<P[]> =>
  followingPages(
    (after) => read<P>(`${url}&pageSize=2${after ? `&after=${after}` : ""}`),
    async () => meanwhile?.(),
  );

/** From the last page back to the first by `previous`: each page the one that led to it. */
async function backFrom<P extends MailboxPage | OutboxPage>(url: string, pages: P[]) {
  let back = pages.at(-1);
  for (let index = pages.length - 2; index >= 0; index--) {
    back = await read<P>(`${url}&pageSize=2&before=${back?.previous}`);
    expect(subjects(back.items)).toEqual(subjects(pages[index]?.items ?? []));
  }
  expect(back?.previous).toBeNull();
}

describe("keyset pages of the mailbox", () => {
  it("next visits every message once, newest first, even at one instant; previous comes back page by page", async () => {
    const url = "/api/v1/mailbox?";
    const whole = subjects((await read<MailboxPage>(`${url}pageSize=100`)).items);
    expect(whole.slice(0, 5)).toEqual(["India", "Hotel", "Golf", "Foxtrot", "Echo"]);
    expect(new Set(whole)).toEqual(new Set(SUBJECTS));
    const pages = await following<MailboxPage>(url);
    expect(pages.flatMap((page) => subjects(page.items))).toEqual(whole);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 2, 2, 1]);
    expect(pages[0]?.previous).toBeNull();
    expect(pages.at(-1)?.next).toBeNull();
    await backFrom(url, pages);
  });

  it("mail delivered while the pages are turned neither repeats nor skips a message", async () => {
    const url = "/api/v1/mailbox?q=late";
    const late = (n: number, at: string) => deliver(`Late ${n}`, at, "late@mail.test");
    await late(0, "2026-03-15 09:30:00+00");
    await late(1, "2026-03-15 09:20:00+00");
    await late(2, "2026-03-15 09:10:00+00");
    let arrived = 2;
    const pages = await following<MailboxPage>(url, async () => {
      arrived += 1;
      await late(arrived, `2026-03-15 09:4${arrived}:00+00`);
    });
    expect(pages.flatMap((page) => subjects(page.items))).toEqual(["Late 0", "Late 1", "Late 2"]);
  });

  it("still reads a page by its number (the first pages of older links)", async () => {
    const second = await read<MailboxPage>("/api/v1/mailbox?q=example&page=2&pageSize=2");
    expect(subjects(second.items)).toEqual(["Golf", "Foxtrot"]);
    expect(second.previous).not.toBeNull();
    const before = await read<MailboxPage>(
      `/api/v1/mailbox?q=example&pageSize=2&before=${second.previous}`,
    );
    expect(subjects(before.items)).toEqual(["India", "Hotel"]);
  });
});

describe("searching the mailbox", () => {
  it("finds text anywhere in the recipient's address or the subject, in any case, from one letter on", async () => {
    const found = async (q: string) =>
      subjects((await read<MailboxPage>(`/api/v1/mailbox?q=${q}&pageSize=100`)).items);
    expect(await found("HO")).toEqual(["Hotel", "Echo"]);
    expect(await found("v")).toEqual(["Bravo"]);
    expect(await found("rlie%40exa")).toEqual(["Charlie"]);
    expect(await found("hotel%20india")).toEqual([]);
    expect(await found("%25")).toEqual([]);
    const pages = await following<MailboxPage>("/api/v1/mailbox?q=h");
    expect(pages.flatMap((page) => subjects(page.items))).toEqual(["Hotel", "Echo", "Charlie"]);
    expect(pages[0]?.total).toBe(3);
  });
});

describe("searching a large mailbox", () => {
  it("finds common text among the newest messages and rare text past thousands of them, page by page in order", async () => {
    // 3,000 newer messages; one in twenty a weekly digest.
    await t.db.execute(sql`
      insert into ${mailboxMessages} (message_id, sender, recipient, subject, html, text, delivered_at)
      select '<news-' || i || '>', 'noreply@wattfolio.test', 'reader' || i || '@news.test',
        'Newsletter ' || i || case when i % 20 = 0 then ' weekly digest' else '' end, '', '',
        timestamptz '2026-03-20' + i * interval '1 second'
      from generate_series(1, 3000) as i`);
    const digests = await following<MailboxPage>("/api/v1/mailbox?q=weekly%20digest");
    const found = digests.flatMap((page) => subjects(page.items));
    expect(found).toHaveLength(150);
    expect(found.slice(0, 2)).toEqual([
      "Newsletter 3000 weekly digest",
      "Newsletter 2980 weekly digest",
    ]);
    expect(found.at(-1)).toBe("Newsletter 20 weekly digest");
    expect(digests[0]).toMatchObject({ total: 150, totalExact: true });
    const hotel = await read<MailboxPage>("/api/v1/mailbox?q=hotel");
    expect(subjects(hotel.items)).toEqual(["Hotel"]);
    expect(hotel).toMatchObject({ total: 1, next: null, previous: null });
    await backFrom("/api/v1/mailbox?q=weekly%20digest", digests);
  });

  it("counts common text past the twenty thousand newest messages exactly, up to 1,000", async () => {
    // 24,000 older messages; one in forty a weekly digest: 600 more, some past the newest 20,000.
    await t.db.execute(sql`
      insert into ${mailboxMessages} (message_id, sender, recipient, subject, html, text, delivered_at)
      select '<archive-' || i || '>', 'noreply@wattfolio.test', 'archive@news.test',
        'Archived ' || i || case when i % 40 = 0 then ' weekly digest' else '' end, '', '',
        timestamptz '2025-01-01' + i * interval '1 second'
      from generate_series(1, 24000) as i`);
    expect(await read<MailboxPage>("/api/v1/mailbox?q=weekly%20digest")).toMatchObject({
      total: 750,
      totalExact: true,
    });
    expect(await read<MailboxPage>("/api/v1/mailbox?q=archived")).toMatchObject({
      total: 1_000,
      totalExact: false,
    });
    // None of the newest: the first page and the total come from one reading of the index.
    const rare = await following<MailboxPage>("/api/v1/mailbox?q=archived%202399");
    expect(rare.flatMap((page) => subjects(page.items))).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `Archived ${23999 - i}`),
      "Archived 2399",
    ]);
    for (const page of rare) expect(page).toMatchObject({ total: 11, totalExact: true });
    await backFrom("/api/v1/mailbox?q=archived%202399", rare);
  });

  it("finds an address by the text around its @, not the addresses holding those letters elsewhere", async () => {
    await deliver("Forwarded to Reader12@news.test", "2024-01-01 00:00:00+00", "desk@news.test");
    const found = async (q: string) =>
      (await read<MailboxPage>(`/api/v1/mailbox?q=${encodeURIComponent(q)}&pageSize=100`)).items;
    // reader112@, reader1200@… and reader2912@ hold "reader12" and "12@", but not "reader12@".
    expect(subjects(await found("READER12@news"))).toEqual([
      "Newsletter 12",
      "Forwarded to Reader12@news.test",
    ]);
    expect(subjects(await found("r12@"))).toEqual([
      "Newsletter 12",
      "Forwarded to Reader12@news.test",
    ]);
    const endingIn12 = await found("12@");
    expect(endingIn12).toHaveLength(31);
    expect(endingIn12.every((item) => /12@/i.test(`${item.to} ${item.subject}`))).toBe(true);
    expect(subjects(await found("reader12@elsewhere"))).toEqual([]);
    expect(subjects(await found("desk@"))).toEqual(["Forwarded to Reader12@news.test"]);
  });
});

describe("keyset pages of the outbox", () => {
  it("next visits every e-mail once, newest first, of every status or of one; previous comes back", async () => {
    for (const status of ["", "sent", "failed"]) {
      const url = `/api/v1/outbox?${status && `status=${status}`}`;
      const whole = (await read<OutboxPage>(`${url}&pageSize=100`)).items;
      const expected = status ? SUBJECTS.filter((_, i) => STATUSES[i] === status) : SUBJECTS;
      expect(new Set(subjects(whole))).toEqual(new Set(expected));
      expect(whole.every((mail) => !status || mail.status === status)).toBe(true);
      const pages = await following<OutboxPage>(url);
      expect(pages.flatMap((page) => subjects(page.items))).toEqual(subjects(whole));
      // Every page says how many the outbox holds as filtered, not how many are left.
      expect(pages.every((page) => page.total === expected.length)).toBe(true);
      expect(pages.at(-1)?.next).toBeNull();
      await backFrom(url, pages);
    }
  });
});

describe("the total of a list", () => {
  it("is exact up to 1,000 messages and says more than 1,000 past that", async () => {
    const bulk = async (n: number) => {
      await t.db.execute(sql`
        insert into ${mailboxMessages} (message_id, sender, recipient, subject, html, text, delivered_at)
        select '<bulk-' || gen_random_uuid() || '>', 'noreply@wattfolio.test', 'bulk@example.com',
          'Bulk ' || i, '', '', timestamptz '2026-01-01' + i * interval '1 second'
        from generate_series(1, ${n}) as i`);
      return read<MailboxPage>("/api/v1/mailbox?q=bulk");
    };
    expect(await bulk(1_000)).toMatchObject({ total: 1_000, totalExact: true });
    expect(await bulk(1)).toMatchObject({ total: 1_000, totalExact: false });
    expect(await read<OutboxPage>("/api/v1/outbox")).toMatchObject({
      total: 9,
      totalExact: true,
    });
  });
});

describe("a cursor the list did not give", () => {
  const id = "6f1c2a7e-4b1d-4c3e-9f5a-2d8b7c6e5f40";
  const refused = async (url: string, field: string) => {
    const response = await customerSuccess.request({ method: "GET", url });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  };

  it("is refused with 400, whatever was changed in it", async () => {
    await refused("/api/v1/mailbox?after=not-a-cursor", "after");
    const at = "2026-03-15T09:00:00.000000Z";
    await refused(
      `/api/v1/mailbox?before=${encodeCursor(["mailbox", "2026-02-30T09:00:00.000000Z", id])}`,
      "before",
    );
    await refused(
      `/api/v1/mailbox?after=${encodeCursor(["mailbox", "2026-03-15 09:00:00", id])}`,
      "after",
    );
    await refused(`/api/v1/mailbox?after=${encodeCursor(["mailbox", at, "not-an-id"])}`, "after");
    await refused(`/api/v1/mailbox?after=${encodeCursor(["inbox", at, id])}`, "after");
    await refused(`/api/v1/outbox?after=${encodeCursor(["outbox", at])}`, "after");
  });

  it("of the other list is refused with 400: the page would not follow this list", async () => {
    const outbox = await read<OutboxPage>("/api/v1/outbox?pageSize=2");
    await refused(`/api/v1/mailbox?after=${outbox.next}`, "after");
    const mailbox = await read<MailboxPage>("/api/v1/mailbox?pageSize=2");
    await refused(`/api/v1/outbox?before=${mailbox.next}`, "before");
  });

  it("naming a message that is gone still pages from its place", async () => {
    const next = encodeCursor(["mailbox", "2026-03-15T09:00:30.000000Z", id]);
    const page = await read<MailboxPage>(`/api/v1/mailbox?q=example&after=${next}&pageSize=100`);
    expect(subjects(page.items).slice(0, 2)).toEqual(["Foxtrot", "Echo"]);
  });
});

describe("the cost of a page", () => {
  const planOf = (query: SQLWrapper) => queryPlan(t.db, query);

  it("is a range of the index on time and id, for the first page, a deep one and each status", async () => {
    await t.db.execute(sql`
      insert into ${mailOutbox} (message_id, topic, recipient, language, subject, html, text, status,
        queued_at, next_attempt_at, sent_at)
      select '<bulk-' || gen_random_uuid() || '>', 'invitation', 'bulk@example.com', 'en', 'Bulk',
        '', '', 'sent', t, t, t
      from generate_series(1, 20000) as i, lateral (select timestamptz '2026-01-01' + i * interval '1 second' as t) as at`);
    await refreshStatistics(t.db, [mailboxMessages, mailOutbox]);
    const deep = { pageSize: 25, page: 1 };
    const cursor = (list: string) =>
      encodeCursor([list, "2026-01-01T00:05:00.000000Z", "6f1c2a7e-4b1d-4c3e-9f5a-2d8b7c6e5f40"]);
    // This mailbox holds a few messages (the bulk is the outbox's): read whole, were it allowed.
    const mailboxPlan = (query: SQLWrapper) =>
      queryPlan(t.db, query, { withoutSequentialScans: true });
    const plans = [
      await mailboxPlan(mailboxPageQuery(t.db, deep)),
      await mailboxPlan(mailboxPageQuery(t.db, { ...deep, after: cursor("mailbox") })),
      await mailboxPlan(mailboxPageQuery(t.db, { ...deep, before: cursor("mailbox") })),
    ];
    for (const plan of plans) {
      expect(plan).toMatch(/Index Scan( Backward)? using mailbox_messages_delivered_idx/);
      expect(plan).not.toMatch(/Sort|Seq Scan on mailbox_messages/);
      // Each message's language, from its outbox row by its Message-ID.
      expect(plan).toMatch(/Index Scan using mail_outbox_message_id_unique on mail_outbox/);
    }
    // A search reads the newest messages first, in the order of the same index.
    const recent = await mailboxPlan(
      mailboxPageQuery(t.db, { ...deep, q: "bulk" }, { indexed: false, window: 2000 }),
    );
    expect(recent).toMatch(/Index Scan Backward using mailbox_messages_delivered_idx/);
    expect(recent).not.toMatch(/Sort|Seq Scan on mailbox_messages/);
    // Each message read is checked against the copy lowercased when it was delivered.
    expect(recent).toMatch(/Filter: \(mailbox_messages\.search_text ~~ /);
    expect(recent).not.toMatch(/lower\(mailbox_messages/);
    for (const status of [undefined, "sent", "failed"] as const) {
      for (const from of [{}, { after: cursor("outbox") }]) {
        const plan = await planOf(outboxPageQuery(t.db, { ...deep, status, ...from }));
        // A status most mail has reads the whole outbox's index as fast; a rare one, its own.
        expect(plan).toMatch(
          status === "failed"
            ? /Index Scan( Backward)? using mail_outbox_status_queued_idx/
            : /Index Scan( Backward)? using mail_outbox_(status_)?queued_idx/,
        );
        expect(plan).not.toMatch(/Sort|Seq Scan on mail_outbox/);
      }
    }
  });

  it("of a search for rare text reads the trigrams of three letters or digits in a row, else the letter pairs", async () => {
    await refreshStatistics(t.db, [mailboxMessages]);
    const first = { pageSize: 25, page: 1 };
    expect(await planOf(mailboxPageQuery(t.db, { ...first, q: "reader1234" }))).toMatch(
      /Bitmap Index Scan on mailbox_messages_search_trigrams_idx/,
    );
    // An address: the ends of the parts before "@", and the subjects' own trigrams.
    const address = await planOf(mailboxPageQuery(t.db, { ...first, q: "reader1234@" }));
    expect(address).toMatch(/Bitmap Index Scan on mailbox_messages_recipient_local_part_idx/);
    expect(address).toMatch(/Bitmap Index Scan on mailbox_messages_subject_trigrams_idx/);
    expect(await planOf(mailboxPageQuery(t.db, { ...first, q: "ho" }))).toMatch(
      /Bitmap Index Scan on mailbox_messages_search_pairs_idx/,
    );
  });
});
