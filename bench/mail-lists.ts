/**
 * The mailbox and outbox part of `npm run bench:lists`: how a page of each grows with the mail
 * the platform has sent, 100,000 then 1,000,000 messages (the mailbox is the whole platform's, so
 * the second size is the first with 900,000 older messages added), read as Customer Success with 1
 * and 8 concurrent clients. It prints p50/p99 per page and size, and the ratio of the p99 at
 * 1,000,000 to the p99 at 100,000.
 */
import type autocannon from "autocannon";
import { type SQL, sql } from "drizzle-orm";
import { createUser } from "../server/auth/users.ts";
import { type Database, queryRows, vacuumAndAnalyze } from "../server/db/client.ts";
import { mailboxMessages, mailOutbox } from "../server/db/schema/index.ts";
import { encodeCursor } from "../shared/domain/cursor.ts";
import { BENCH_PASSWORD, loadOverHttp, signIn } from "./server.ts";

const SIZES = [100_000, 1_000_000] as const;
const CLIENTS = [1, 8];
const PAGE_SIZE = 50;
/** Messages to "hot.path…" in the mailbox, whatever its size: what the search "ho" finds. */
const FOUND_BY_SEARCH = 200;
/** How deep the deep page is, as a share of the list. */
const DEEP = 0.65;

interface Measure {
  page: string;
  messages: number;
  clients: number;
  p50: number;
  p99: number;
}

/** The indexes of the mailbox's search, dropped while the mail loads and built again after. */
const SEARCH_INDEXES = [
  "mailbox_messages_search_pairs_idx",
  "mailbox_messages_search_trigrams_idx",
  "mailbox_messages_recipient_local_part_idx",
  "mailbox_messages_subject_trigrams_idx",
];

/**
 * Messages `from` to `to` (0 the newest, every 20 seconds older), each delivered to the mailbox and
 * written to the outbox as the platform would: a quarter reminders that an account ends in 30 days,
 * the rest filings, invitations and password resets; one in a thousand failed in the outbox.
 * Among the first `size` messages, FOUND_BY_SEARCH went to "hot.path…" (no other holds "ho").
 */
async function seedMail(db: Database, from: number, to: number, size: number) {
  // The search's indexes are built again after the load, as their own definitions say: built
  // whole they take seconds, kept up row by row through a small pending list, many minutes.
  const indexes = await queryRows<{ name: string; definition: string }>(
    db,
    sql`select indexname as name, indexdef as definition from pg_indexes
      where indexname in (${sql.join(
        SEARCH_INDEXES.map((name) => sql`${name}`),
        sql`, `,
      )})`,
  );
  if (indexes.length !== SEARCH_INDEXES.length) {
    throw new Error("the mailbox lacks one of its search's indexes");
  }
  for (const index of indexes) await asOwner(db, sql`drop index ${sql.identifier(index.name)}`);
  const every = Math.floor(size / FOUND_BY_SEARCH);
  const messages = sql`
    select i, '<bench-' || i || '@wattfolio.test>' as message_id,
      timestamptz '2026-11-30 12:00:00+00' - i * interval '20 seconds' as at,
      case when i < ${size}::int and i % ${every}::int = 0 then 'hot.path.' || i || '@bench.test'
        else 'user' || (i % 5000) || '@customer' || (i % 300) || '.example' end as recipient,
      case when i < ${size}::int and i % ${every}::int = 0 then 'Hot path notice'
        else case i % 4
          when 0 then 'Your Wattfolio account Site ' || lpad((i % 100000)::text, 6, '0') || ' ends in 30 days'
          when 1 then 'Application filed: more datapoints for Site ' || lpad((i % 100000)::text, 6, '0')
          when 2 then 'Invitation to join Wattfolio'
          else 'Reset your password' end end as subject
    from generate_series(${from}::int, ${to - 1}::int) as i`;
  await db.execute(sql`
    insert into ${mailOutbox} (message_id, topic, recipient, language, subject, html, text, status,
      attempts, queued_at, next_attempt_at, sent_at, last_error)
    select message_id, case i % 4 when 0 then 'reminder_30_days' when 1 then 'application_filed'
        when 2 then 'invitation' else 'password_reset' end,
      recipient, case when i % 5 = 0 then 'es' else 'en' end, subject,
      '<p>' || subject || '</p>', subject,
      case when i % 1000 = 7 then 'failed' else 'sent' end, 1, at - interval '1 second', at,
      case when i % 1000 = 7 then null else at end,
      case when i % 1000 = 7 then '550 mailbox unavailable' end
    from (${messages}) as message`);
  await db.execute(sql`
    insert into ${mailboxMessages} (message_id, sender, recipient, subject, html, text, delivered_at)
    select message_id, 'noreply@wattfolio.test', recipient, subject, '<p>' || subject || '</p>',
      subject, at
    from (${messages}) as message`);
  for (const index of indexes) await asOwner(db, sql.raw(index.definition));
}

/** A statement only the tables' owner may run (the server's own role may not drop an index). */
async function asOwner(db: Database, statement: SQL) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local role none`);
    await tx.execute(statement);
  });
}

/** A cursor `depth` messages into a list, as following `next` page after page would give it. */
async function cursorAt(
  db: Database,
  list: "mailbox" | "outbox",
  depth: number,
  filter = sql`true`,
) {
  const [table, time] =
    list === "mailbox"
      ? [mailboxMessages, mailboxMessages.deliveredAt]
      : [mailOutbox, mailOutbox.queuedAt];
  const [row] = await queryRows<{ at: string; id: string }>(
    db,
    sql`select to_char(${time} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id
      from ${table} where ${filter} order by ${time} desc, id desc offset ${depth - 1} limit 1`,
  );
  if (!row) throw new Error(`the ${list} ended before the deep page`);
  return encodeCursor([list, row.at, row.id]);
}

function print(measures: Measure[]): void {
  console.table(
    measures.map((m) => ({
      page: m.page,
      messages: m.messages.toLocaleString("en"),
      clients: m.clients,
      "p50 ms": m.p50.toFixed(1),
      "p99 ms": m.p99.toFixed(1),
    })),
  );
  const [small, large] = SIZES;
  console.table(
    [...new Set(measures.map((m) => m.page))].map((page) => {
      const row: Record<string, string> = { page };
      for (const clients of CLIENTS) {
        const at = (messages: number) =>
          measures.find((m) => m.page === page && m.messages === messages && m.clients === clients);
        const ratio = (at(large)?.p99 ?? Number.NaN) / (at(small)?.p99 ?? Number.NaN);
        row[`p99 1M/100k, ${clients} client${clients > 1 ? "s" : ""}`] = ratio.toFixed(2);
      }
      return row;
    }),
  );
}

/**
 * Seeds the mail at each size and measures its pages through the server at `base`: those whose
 * names `only` matches, when given.
 */
export async function measureMailLists(
  db: Database,
  base: string,
  seconds: number,
  only: RegExp | null,
) {
  const email = "customer-success@bench.test";
  await createUser(db, {
    email,
    name: "Bench Customer Success",
    password: BENCH_PASSWORD,
    role: "customer_success",
  });
  const headers = { cookie: await signIn(base, email), origin: base };
  const measures: Measure[] = [];
  let seeded = 0;
  for (const size of SIZES) {
    const started = performance.now();
    await seedMail(db, seeded, size, SIZES[0]);
    seeded = size;
    await vacuumAndAnalyze(db, [mailboxMessages, mailOutbox], { settled: true });
    console.log(
      `Seeded the mail to ${size.toLocaleString("en")} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const deep = Math.floor((size * DEEP) / PAGE_SIZE) * PAGE_SIZE;
    const failed = sql`${mailOutbox.status} = 'failed'`;
    const mailbox = `${base}/api/v1/mailbox?pageSize=${PAGE_SIZE}`;
    const outbox = `${base}/api/v1/outbox?pageSize=${PAGE_SIZE}`;
    const pages: [string, string][] = [
      ["mailbox, first page", mailbox],
      [`mailbox, ${DEEP * 100}% deep`, `${mailbox}&after=${await cursorAt(db, "mailbox", deep)}`],
      [`mailbox, search "ho" (${FOUND_BY_SEARCH} found)`, `${mailbox}&q=ho`],
      ['mailbox, search "ends in 30" (a quarter)', `${mailbox}&q=ends%20in%2030`],
      ['mailbox, search "user42@" (1 in 5,000)', `${mailbox}&q=user42%40`],
      ["outbox, first page", outbox],
      [`outbox, ${DEEP * 100}% deep`, `${outbox}&after=${await cursorAt(db, "outbox", deep)}`],
      ["outbox, failed, first page", `${outbox}&status=failed`],
      [
        `outbox, failed, ${DEEP * 100}% deep`,
        `${outbox}&status=failed&after=${await cursorAt(db, "outbox", Math.floor((size / 1000) * DEEP), failed)}`,
      ],
    ];
    for (const [page, url] of pages.filter(([page]) => !only || only.test(page))) {
      const options: autocannon.Options = { url, headers };
      await loadOverHttp("warm-up", 8, 1, options);
      for (const clients of CLIENTS) {
        const { latency } = await loadOverHttp(page, clients, seconds, options);
        measures.push({ page, messages: size, clients, p50: latency.p50, p99: latency.p99 });
        console.log(
          `${page}, ${size}, ${clients} clients: p50 ${latency.p50} ms, p99 ${latency.p99} ms`,
        );
      }
    }
  }
  print(measures);
}
