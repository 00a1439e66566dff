/**
 * The event feed: every event once, in order, without gaps, even while writers commit out of
 * order; each caller reads only the events of what it reaches.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Event } from "../../shared/api/events.ts";
import type { EventFeedPage } from "../../shared/api/webhooks.ts";
import type { Database } from "../db/client.ts";
import { events } from "../db/schema/index.ts";
import { eventsReadable } from "../test/events.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
} from "../test/factories.ts";
import { onPostgres, type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { recordEvent } from "./record-event.ts";

let t: TestApp;
let catalogue: Catalogue;

beforeAll(async () => {
  // Its own database: Customer Success reads every partner's events.
  t = await startTestApp({ isolated: true });
  catalogue = await createCatalogue(t.db);
});
afterAll(() => t.close());

async function portfolio() {
  const partner = await createPartner(t.db);
  const account = await createAccount(t.db, partner.id, catalogue);
  const superAdmin = await signIn(t.app, partner.superAdmin.email);
  return { partner, account, superAdmin };
}

type Portfolio = Awaited<ReturnType<typeof portfolio>>;

function expired(
  tx: Database,
  p: Portfolio,
  type: "account.expired" | "account.expiring" = "account.expired",
) {
  const base = { partnerId: p.partner.id, accountId: p.account.id, occurredAt: t.clock.now() };
  const subject = {
    accountId: p.account.id,
    accountName: p.account.name,
    endsOn: p.account.endsOn,
  };
  return type === "account.expired"
    ? recordEvent(tx, { ...base, type, data: subject })
    : recordEvent(tx, { ...base, type, data: { ...subject, daysLeft: 7 } });
}

type Reader = (url: string) => Promise<LightMyRequestResponse>;
const as =
  (session: Session): Reader =>
  (url) =>
    session.request({ method: "GET", url });
const withKey =
  (secret: string): Reader =>
  (url) =>
    t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${secret}` } });

async function page(read: Reader, query = ""): Promise<EventFeedPage> {
  const response = await read(`/api/v1/events${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Reads on from `after` until a page comes back empty. */
async function readAll(
  read: Reader,
  after?: string,
  limit = 50,
): Promise<{ seen: Event[]; next: string }> {
  await eventsReadable(t.db);
  const seen: Event[] = [];
  let cursor = after;
  for (;;) {
    const body = await page(read, `?limit=${limit}${cursor ? `&after=${cursor}` : ""}`);
    seen.push(...body.events);
    cursor = body.next;
    if (body.events.length === 0) return { seen, next: body.next };
  }
}

async function createKey(session: Session, accountId?: string): Promise<string> {
  const response = await session.request({
    method: "POST",
    url: "/api/v1/api-keys",
    payload: { name: "Feed reader", ...(accountId ? { accountId } : {}) },
  });
  expect(response.statusCode).toBe(201);
  return response.json().secret;
}

describe("who reads which events", () => {
  it("gives a SuperAdmin and the partner's keys that partner's events, and Customer Success everyone's", async () => {
    const a = await portfolio();
    const b = await portfolio();
    const otherAccountOfA = await createAccount(t.db, a.partner.id, catalogue);
    await t.db.transaction((tx) => expired(tx, a));
    await t.db.transaction((tx) => expired(tx, b));
    await t.db.transaction((tx) => expired(tx, { ...a, account: otherAccountOfA }));

    const accountsOf = (seen: Event[]) => seen.map((e) => e.accountId);
    expect(accountsOf((await readAll(as(a.superAdmin))).seen)).toEqual([
      a.account.id,
      otherAccountOfA.id,
    ]);
    expect(accountsOf((await readAll(as(b.superAdmin))).seen)).toEqual([b.account.id]);
    const partnerKey = await createKey(a.superAdmin);
    expect(accountsOf((await readAll(withKey(partnerKey))).seen)).toEqual([
      a.account.id,
      otherAccountOfA.id,
    ]);
    const accountKey = await createKey(a.superAdmin, otherAccountOfA.id);
    expect(accountsOf((await readAll(withKey(accountKey))).seen)).toEqual([otherAccountOfA.id]);
    const cs = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
    expect(accountsOf((await readAll(as(cs))).seen)).toEqual(
      expect.arrayContaining([a.account.id, b.account.id, otherAccountOfA.id]),
    );
  });

  it("refuses account users and anonymous callers", async () => {
    const p = await portfolio();
    const user = await signIn(t.app, p.partner.accountUser.email);
    expect((await user.request({ method: "GET", url: "/api/v1/events" })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/events" })).statusCode).toBe(401);
  });
});

describe("paging the feed", () => {
  it("hands out the next page by cursor and Link header, and filters by type", async () => {
    const p = await portfolio();
    for (let n = 0; n < 3; n++) await t.db.transaction((tx) => expired(tx, p));
    await t.db.transaction((tx) => expired(tx, p, "account.expiring"));

    await eventsReadable(t.db);
    const response = await as(p.superAdmin)("/api/v1/events?limit=2");
    const first: EventFeedPage = response.json();
    expect(first.events).toHaveLength(2);
    expect(response.headers.link).toBe(`</api/v1/events?after=${first.next}&limit=2>; rel="next"`);
    const rest = await readAll(as(p.superAdmin), first.next, 2);
    expect(rest.seen.map((e) => e.type)).toEqual(["account.expired", "account.expiring"]);
    // Nothing new: the same cursor again, to poll with.
    expect((await page(as(p.superAdmin), `?after=${rest.next}`)).next).toBe(rest.next);

    const onlyExpiring = await readAll(as(p.superAdmin), undefined);
    const filtered = await page(as(p.superAdmin), "?type=account.expiring");
    expect(filtered.events.map((e) => e.id)).toEqual(
      onlyExpiring.seen.filter((e) => e.type === "account.expiring").map((e) => e.id),
    );
    expect((await as(p.superAdmin)("/api/v1/events?type=account.deleted")).statusCode).toBe(400);
    expect((await as(p.superAdmin)("/api/v1/events?after=yesterday")).statusCode).toBe(400);
  });

  it("returns every event once and in order while writers commit out of order", async () => {
    const p = await portfolio();
    const read = as(p.superAdmin);
    const seen: Event[] = [];
    let cursor: string | undefined;
    let writing = true;
    // Each writer holds its transaction open a while after its first event, so that transactions
    // that began later commit first.
    const writers = Array.from({ length: 12 }, (_, writer) =>
      t.db.transaction(async (tx) => {
        await expired(tx, p);
        await sleep(((writer * 7) % 5) * 40);
        await expired(tx, p);
      }),
    );
    const done = Promise.all(writers).finally(() => {
      writing = false;
    });
    let pagesWhileWriting = 0;
    while (writing) {
      const body = await page(read, `?limit=3${cursor ? `&after=${cursor}` : ""}`);
      seen.push(...body.events);
      cursor = body.next;
      pagesWhileWriting++;
      await sleep(10);
    }
    await done;
    seen.push(...(await readAll(read, cursor, 3)).seen);

    const written = await t.db.select().from(events);
    const ours = written
      .filter((e) => e.partnerId === p.partner.id)
      .sort((x, y) => x.transactionId - y.transactionId || x.position - y.position);
    expect(ours).toHaveLength(24);
    expect(seen.map((e) => e.id)).toEqual(ours.map((e) => e.id));
    // PGlite runs one transaction at a time; only PostgreSQL reads between uncommitted writers.
    if (onPostgres) expect(pagesWhileWriting).toBeGreaterThan(1);
  });
});
