/**
 * Webhooks end to end: endpoints registered through the API, events recorded in a transaction,
 * the lifecycle's deliverer posting them to a real HTTP receiver that checks the signatures with
 * the `standardwebhooks` package.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type {
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from "../../shared/api/webhooks.ts";
import type { EventType } from "../../shared/domain/events.ts";
import { WEBHOOK_DISABLE_AFTER_FAILURES } from "../../shared/domain/webhooks.ts";
import { loadConfig } from "../config.ts";
import { type Database, openDatabase } from "../db/client.ts";
import {
  events,
  mailOutbox,
  securityEvents,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from "../db/schema/index.ts";
import { recordEvent } from "../events/record-event.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import { onPostgres, type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../test/webhook-receiver.ts";
import { forgetOldDeliveries } from "./forget-old-deliveries.ts";

const NOW = "2026-03-15T10:00:00Z";
const TIMEOUT_MS = 300;

let t: TestApp;
let receiver: WebhookReceiver;
let catalogue: Catalogue;

beforeAll(async () => {
  // Its own database: the deliverer works every partner's deliveries.
  t = await startTestApp({
    isolated: true,
    now: NOW,
    config: { WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS) },
  });
  receiver = await startWebhookReceiver(t.clock);
  catalogue = await createCatalogue(t.db);
});
beforeEach(() => t.clock.set(NOW));
afterAll(async () => {
  await t.close();
  await receiver.close();
});

interface Portfolio {
  partner: PartnerFixture;
  superAdmin: Session;
  accountId: string;
}

async function portfolio(): Promise<Portfolio> {
  const partner = await createPartner(t.db);
  const account = await createAccount(t.db, partner.id, catalogue);
  return {
    partner,
    superAdmin: await signIn(t.app, partner.superAdmin.email),
    accountId: account.id,
  };
}

let paths = 0;
/** Registers an endpoint at a fresh path of the receiver, whose signatures the receiver checks. */
async function register(
  session: Session,
  eventTypes: EventType[] = ["account.expired"],
): Promise<WebhookEndpointWithSecret & { path: string }> {
  const path = `/hooks/${++paths}`;
  const response = await session.request({
    method: "POST",
    url: "/api/v1/webhooks",
    payload: { url: receiver.url(path), description: "CRM", eventTypes },
  });
  expect(response.statusCode, response.body).toBe(201);
  const created: WebhookEndpointWithSecret = response.json();
  expect(response.headers.location).toBe(`/api/v1/webhooks/${created.endpoint.id}`);
  receiver.secretsFor(path, [created.secret]);
  return { ...created, path };
}

/** Records an event the way a change does: in a transaction, with its fan-out. */
async function expire(p: Portfolio, db: Database = t.db): Promise<string> {
  const before = await db.select({ id: events.id }).from(events);
  await db.transaction(async (tx) => {
    await recordEvent(tx, {
      type: "account.expired",
      partnerId: p.partner.id,
      accountId: p.accountId,
      occurredAt: t.clock.now(),
      data: { accountId: p.accountId, accountName: "Madrid HQ", endsOn: "2026-03-15" },
    });
  });
  const after = await db.select({ id: events.id }).from(events);
  const known = new Set(before.map((e) => e.id));
  const added = after.find((e) => !known.has(e.id));
  if (!added) throw new Error("no event recorded");
  return added.id;
}

const deliveredTo = (path: string) => receiver.received.filter((r) => r.path === path);

async function deliveries(session: Session, endpointId: string): Promise<WebhookDeliveryPage> {
  const response = await session.request({
    method: "GET",
    url: `/api/v1/webhooks/${endpointId}/deliveries`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe("registering an endpoint", () => {
  it("shows a Standard Webhooks secret once and never lists it", async () => {
    const p = await portfolio();
    const { endpoint, secret } = await register(p.superAdmin, [
      "account.expired",
      "account.created",
    ]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint).toMatchObject({
      partner: { id: p.partner.id },
      description: "CRM",
      eventTypes: ["account.expired", "account.created"],
      enabled: true,
      consecutiveFailures: 0,
      createdBy: { id: p.partner.superAdmin.id },
    });
    const listed = await p.superAdmin.request({ method: "GET", url: "/api/v1/webhooks" });
    expect(listed.json().items).toEqual([endpoint]);
    expect(listed.body).not.toContain(secret);
  });

  it("refuses a plain-HTTP address of another machine, and an event type that does not exist", async () => {
    const p = await portfolio();
    const http = await p.superAdmin.request({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: "http://hooks.example.com/in", eventTypes: ["account.expired"] },
    });
    expect(http.statusCode).toBe(400);
    expect(http.json().errors).toEqual([{ field: "url", message: "Use an https:// address" }]);
    const unknownType = await p.superAdmin.request({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: "https://hooks.example.com/in", eventTypes: ["account.deleted"] },
    });
    expect(unknownType.statusCode).toBe(400);
    const none = await p.superAdmin.request({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: "https://hooks.example.com/in", eventTypes: [] },
    });
    expect(none.statusCode).toBe(400);
    const [stored] = await t.db
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.partnerId, p.partner.id));
    expect(stored).toBeUndefined();
  });

  it("accepts plain HTTP to this machine only outside production", () => {
    expect(loadConfig({ NODE_ENV: "production" }).webhooks.allowLocalHttp).toBe(false);
    expect(loadConfig({ NODE_ENV: "development" }).webhooks.allowLocalHttp).toBe(true);
    expect(
      loadConfig({ NODE_ENV: "production", WEBHOOK_ALLOW_LOCAL_HTTP: "true" }).webhooks
        .allowLocalHttp,
    ).toBe(true);
  });
});

describe("changing an endpoint", () => {
  it("takes a new URL and events, and a disabled endpoint is sent nothing until enabled", async () => {
    const p = await portfolio();
    const { endpoint, path, secret } = await register(p.superAdmin, ["account.created"]);
    const moved = `${path}/moved`;
    receiver.secretsFor(moved, [secret]);
    const changed = await p.superAdmin.request({
      method: "PUT",
      url: `/api/v1/webhooks/${endpoint.id}`,
      payload: { url: receiver.url(moved), eventTypes: ["account.expired"], enabled: false },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      url: receiver.url(moved),
      eventTypes: ["account.expired"],
      enabled: false,
      disabledReason: "by_user",
      disabledAt: "2026-03-15T10:00:00.000Z",
    });
    await expire(p);
    await t.app.lifecycle.deliverWebhooks();
    expect(deliveredTo(moved)).toEqual([]);

    const enabled = await p.superAdmin.request({
      method: "PUT",
      url: `/api/v1/webhooks/${endpoint.id}`,
      payload: { enabled: true },
    });
    expect(enabled.json()).toMatchObject({ enabled: true, disabledAt: null });
    const eventId = await expire(p);
    await t.app.lifecycle.deliverWebhooks();
    expect(deliveredTo(moved).map((r) => r.headers["webhook-id"])).toEqual([eventId]);
    expect(deliveredTo(path)).toEqual([]);
  });

  it("holds what a disabled endpoint has waiting out of every claim, and sends it once enabled again", async () => {
    const p = await portfolio();
    const { endpoint, path } = await register(p.superAdmin);
    const url = `/api/v1/webhooks/${endpoint.id}`;
    const first = await expire(p);
    await t.app.lifecycle.deliverWebhooks();
    receiver.answerNext(path, { status: 500 });
    const second = await expire(p);
    expect(await t.app.lifecycle.deliverWebhooks()).toMatchObject({ retrying: 1 });
    await p.superAdmin.request({ method: "PUT", url, payload: { enabled: false } });
    const delivered = (await deliveries(p.superAdmin, endpoint.id)).items.find(
      (d) => d.event.id === first,
    );
    const redelivered = await p.superAdmin.request({
      method: "POST",
      url: `${url}/deliveries/${delivered?.id}/redeliver`,
    });
    expect(redelivered.statusCode).toBe(202);

    // Both wait, neither in the due index the claims read (its condition: waiting and enabled).
    const waiting = () =>
      t.db
        .select({ event: webhookDeliveries.eventId, due: webhookDeliveries.endpointEnabled })
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.endpointId, endpoint.id),
            inArray(webhookDeliveries.status, ["queued", "retrying"]),
          ),
        );
    expect((await waiting()).sort((a, b) => a.event.localeCompare(b.event))).toEqual(
      [
        { event: first, due: false },
        { event: second, due: false },
      ].sort((a, b) => a.event.localeCompare(b.event)),
    );
    t.clock.advance(60_000);
    await t.app.lifecycle.deliverWebhooks();
    expect(deliveredTo(path)).toHaveLength(2);

    await p.superAdmin.request({ method: "PUT", url, payload: { enabled: true } });
    expect(await t.app.lifecycle.deliverWebhooks()).toMatchObject({ delivered: 2 });
    await t.app.lifecycle.deliverWebhooks();
    const ids = deliveredTo(path).map((r) => String(r.headers["webhook-id"]));
    expect(ids.slice(0, 2)).toEqual([first, second]);
    // Posted side by side: in either order.
    expect(ids.slice(2).sort()).toEqual([first, second].sort());
    expect(await waiting()).toEqual([]);
  });

  it("deletes an endpoint with its delivery log, and keeps the events", async () => {
    const p = await portfolio();
    const { endpoint, path } = await register(p.superAdmin);
    receiver.answerNext(path, { status: 500 });
    const eventId = await expire(p);
    await t.app.lifecycle.deliverWebhooks();
    const deleted = await p.superAdmin.request({
      method: "DELETE",
      url: `/api/v1/webhooks/${endpoint.id}`,
    });
    expect(deleted.statusCode).toBe(204);
    const again = await p.superAdmin.request({
      method: "GET",
      url: `/api/v1/webhooks/${endpoint.id}`,
    });
    expect(again.statusCode).toBe(404);
    expect(
      await t.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, endpoint.id)),
    ).toEqual([]);
    expect(await t.db.select({ id: events.id }).from(events).where(eq(events.id, eventId))).toEqual(
      [{ id: eventId }],
    );
    // A change recorded afterwards is not held up by the endpoint that went.
    await expire(p);
  });

  it("refuses a new URL that is not HTTPS and keeps the old one", async () => {
    const p = await portfolio();
    const { endpoint } = await register(p.superAdmin);
    const refused = await p.superAdmin.request({
      method: "PUT",
      url: `/api/v1/webhooks/${endpoint.id}`,
      payload: { url: "http://hooks.example.com/in" },
    });
    expect(refused.statusCode).toBe(400);
    const [stored] = await t.db
      .select({ url: webhookEndpoints.url })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpoint.id));
    expect(stored?.url).toBe(endpoint.url);
  });
});

describe("the security log", () => {
  it("records who added, changed, rotated and deleted an endpoint, never its secret", async () => {
    const p = await portfolio();
    const { endpoint, secret } = await register(p.superAdmin);
    const url = `/api/v1/webhooks/${endpoint.id}`;
    await p.superAdmin.request({ method: "PUT", url, payload: { enabled: false } });
    const rotated = await p.superAdmin.request({ method: "POST", url: `${url}/rotate-secret` });
    await p.superAdmin.request({ method: "DELETE", url });
    const logged = await t.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.partnerId, p.partner.id))
      .orderBy(securityEvents.at);
    const ours = logged.filter((e) => e.kind.startsWith("webhook_"));
    expect(ours.map((e) => [e.kind, e.actorId, e.subject])).toEqual([
      ["webhook_endpoint_created", p.partner.superAdmin.id, endpoint.url],
      ["webhook_endpoint_changed", p.partner.superAdmin.id, endpoint.url],
      ["webhook_secret_rotated", p.partner.superAdmin.id, endpoint.url],
      ["webhook_endpoint_deleted", p.partner.superAdmin.id, endpoint.url],
    ]);
    const written = JSON.stringify(ours);
    expect(written).not.toContain(secret);
    expect(written).not.toContain(rotated.json().secret);
  });
});

describe("who manages endpoints", () => {
  it("keeps each partner's endpoints to its SuperAdmins, and shows Customer Success every one", async () => {
    const a = await portfolio();
    const b = await portfolio();
    const cs = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
    const ofA = await register(a.superAdmin);
    const platform = await register(cs);
    expect(platform.endpoint.partner).toBeNull();

    const id = ofA.endpoint.id;
    const deliveryId = "00000000-0000-4000-8000-000000000000";
    const byId = [
      { method: "GET", url: `/api/v1/webhooks/${id}` },
      { method: "PUT", url: `/api/v1/webhooks/${id}`, payload: { enabled: false } },
      { method: "POST", url: `/api/v1/webhooks/${id}/rotate-secret` },
      { method: "GET", url: `/api/v1/webhooks/${id}/deliveries` },
      { method: "POST", url: `/api/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver` },
      { method: "DELETE", url: `/api/v1/webhooks/${id}` },
    ] as const;
    for (const request of byId) {
      const response = await b.superAdmin.request(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    const [unchanged] = await t.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, id));
    expect(unchanged).toMatchObject({ enabled: true, secret: ofA.secret });

    const listedByB = await b.superAdmin.request({ method: "GET", url: "/api/v1/webhooks" });
    expect(listedByB.json().items).toEqual([]);
    const listedByCs = await cs.request({ method: "GET", url: "/api/v1/webhooks" });
    const ids = listedByCs.json().items.map((e: WebhookEndpoint) => e.id);
    expect(ids).toEqual(expect.arrayContaining([id, platform.endpoint.id]));
    expect(ids[0]).toBe(platform.endpoint.id);
  });

  it("refuses account users and API keys", async () => {
    const p = await portfolio();
    const user = await signIn(t.app, p.partner.accountUser.email);
    for (const request of [
      { method: "GET", url: "/api/v1/webhooks" },
      {
        method: "POST",
        url: "/api/v1/webhooks",
        payload: { url: "https://x.example/", eventTypes: ["account.expired"] },
      },
    ] as const) {
      expect((await user.request(request)).statusCode).toBe(403);
    }
    const key = await p.superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Integration" },
    });
    const withKey = await t.app.inject({
      method: "GET",
      url: "/api/v1/webhooks",
      headers: { authorization: `Bearer ${key.json().secret}` },
    });
    expect(withKey.statusCode).toBe(403);
  });
});

describe("delivering an event", () => {
  it("posts it signed per Standard Webhooks, with the event's id, and logs the attempt", async () => {
    const p = await portfolio();
    const { endpoint, path } = await register(p.superAdmin);
    const eventId = await expire(p);
    await t.app.lifecycle.deliverWebhooks();

    const [received, ...more] = deliveredTo(path);
    expect(more).toEqual([]);
    expect(received?.verifiedWith).toEqual([0]);
    expect(received?.headers["webhook-id"]).toBe(eventId);
    expect(received?.headers["webhook-timestamp"]).toBe(String(Date.parse(NOW) / 1000));
    expect(JSON.parse(received?.body ?? "")).toEqual({
      type: "account.expired",
      timestamp: "2026-03-15T10:00:00.000Z",
      data: { accountId: p.accountId, accountName: "Madrid HQ", endsOn: "2026-03-15" },
    });
    const page = await deliveries(p.superAdmin, endpoint.id);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      event: { id: eventId, type: "account.expired" },
      status: "delivered",
      attempts: 1,
      deliveredAt: "2026-03-15T10:00:00.000Z",
      attemptLog: [{ statusCode: 200, error: null, responseExcerpt: "ok" }],
    });
  });

  it("sends a partner's endpoint only that partner's events, and a platform-wide endpoint everyone's", async () => {
    const a = await portfolio();
    const b = await portfolio();
    const cs = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
    const ofA = await register(a.superAdmin);
    const notSubscribed = await register(a.superAdmin, ["account.created"]);
    const platform = await register(cs);
    const fromA = await expire(a);
    const fromB = await expire(b);
    await t.app.lifecycle.deliverWebhooks();
    const ids = (path: string) => deliveredTo(path).map((r) => r.headers["webhook-id"]);
    expect(ids(ofA.path)).toEqual([fromA]);
    expect(ids(notSubscribed.path)).toEqual([]);
    expect(ids(platform.path).sort()).toEqual([fromA, fromB].sort());
  });

  it("sends nothing for a change that was rolled back", async () => {
    const p = await portfolio();
    const { endpoint, path } = await register(p.superAdmin);
    await expect(
      t.db.transaction(async (tx) => {
        await recordEvent(tx, {
          type: "account.expired",
          partnerId: p.partner.id,
          accountId: p.accountId,
          occurredAt: t.clock.now(),
          data: { accountId: p.accountId, accountName: "Madrid HQ", endsOn: "2026-03-15" },
        });
        throw new Error("the change failed after its event was written");
      }),
    ).rejects.toThrow("the change failed");
    await t.app.lifecycle.deliverWebhooks();
    expect(deliveredTo(path)).toEqual([]);
    expect(
      await t.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, endpoint.id)),
    ).toEqual([]);
    expect(await t.db.select().from(events).where(eq(events.accountId, p.accountId))).toEqual([]);
  });

  it("tries again after a 500, later and later, until the endpoint takes it", async () => {
    const p = await portfolio();
    const { endpoint, path } = await register(p.superAdmin);
    receiver.answerNext(path, { status: 500, body: "database down" }, { status: 503 });
    const eventId = await expire(p);

    expect(await t.app.lifecycle.deliverWebhooks()).toMatchObject({ retrying: 1 });
    // Not due again yet: nothing is posted.
    await t.app.lifecycle.deliverWebhooks();
    expect(deliveredTo(path)).toHaveLength(1);
    t.clock.advance(5_000);
    expect(await t.app.lifecycle.deliverWebhooks()).toMatchObject({ retrying: 1 });
    t.clock.advance(4 * 60_000);
    await t.app.lifecycle.deliverWebhooks();
    expect(deliveredTo(path)).toHaveLength(2);
    t.clock.advance(60_000);
    expect(await t.app.lifecycle.deliverWebhooks()).toMatchObject({ delivered: 1 });

    const received = deliveredTo(path);
    expect(received.map((r) => r.headers["webhook-id"])).toEqual([eventId, eventId, eventId]);
    expect(received.every((r) => r.verifiedWith.length === 1)).toBe(true);
    const [delivery] = (await deliveries(p.superAdmin, endpoint.id)).items;
    expect(delivery?.status).toBe("delivered");
    expect(delivery?.attemptLog.map((a) => [a.statusCode, a.responseExcerpt])).toEqual([
      [200, "ok"],
      [503, ""],
      [500, "database down"],
    ]);
  });

  it("counts an endpoint that does not answer in time as a failed attempt and tries again", async () => {
    const p = await portfolio();
    const { endpoint, path } = await register(p.superAdmin);
    receiver.answerNext(path, { hangMs: TIMEOUT_MS * 5 });
    await expire(p);
    expect(await t.app.lifecycle.deliverWebhooks()).toMatchObject({ retrying: 1 });
    t.clock.advance(5_000);
    expect(await t.app.lifecycle.deliverWebhooks()).toMatchObject({ delivered: 1 });
    const [delivery] = (await deliveries(p.superAdmin, endpoint.id)).items;
    const [second, first] = delivery?.attemptLog ?? [];
    expect(first).toMatchObject({ statusCode: null, error: `No answer within ${TIMEOUT_MS} ms` });
    expect(first?.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(second).toMatchObject({ statusCode: 200 });
  });

  it("posts a delivered event again when asked to redeliver it, with the same webhook-id", async () => {
    const p = await portfolio();
    const { endpoint, path } = await register(p.superAdmin);
    const eventId = await expire(p);
    await t.app.lifecycle.deliverWebhooks();
    const [delivery] = (await deliveries(p.superAdmin, endpoint.id)).items;
    const again = await p.superAdmin.request({
      method: "POST",
      url: `/api/v1/webhooks/${endpoint.id}/deliveries/${delivery?.id}/redeliver`,
    });
    expect(again.statusCode).toBe(202);
    await t.app.lifecycle.deliverWebhooks();
    expect(deliveredTo(path).map((r) => r.headers["webhook-id"])).toEqual([eventId, eventId]);
    const [after] = (await deliveries(p.superAdmin, endpoint.id)).items;
    expect(after).toMatchObject({ status: "delivered", attempts: 1 });
    expect(after?.attemptLog).toHaveLength(2);
  });
});

describe("rotating the secret", () => {
  it("signs with the new and the previous secret for a day, then with the new one only", async () => {
    const p = await portfolio();
    const { endpoint, secret: first, path } = await register(p.superAdmin);
    const rotated = await p.superAdmin.request({
      method: "POST",
      url: `/api/v1/webhooks/${endpoint.id}/rotate-secret`,
    });
    expect(rotated.statusCode).toBe(200);
    const { secret: second, endpoint: after } = rotated.json() as WebhookEndpointWithSecret;
    expect(second).not.toBe(first);
    expect(after.previousSecretExpiresAt).toBe("2026-03-16T10:00:00.000Z");
    receiver.secretsFor(path, [first, second]);

    await expire(p);
    await t.app.lifecycle.deliverWebhooks();
    const during = deliveredTo(path).at(-1);
    expect(String(during?.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(during?.verifiedWith).toEqual([0, 1]);

    t.clock.advance(24 * 60 * 60_000);
    await expire(p);
    await t.app.lifecycle.deliverWebhooks();
    const later = deliveredTo(path).at(-1);
    expect(String(later?.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(later?.verifiedWith).toEqual([1]);
  });
});

describe("an endpoint that keeps failing", () => {
  it(`is disabled after ${WEBHOOK_DISABLE_AFTER_FAILURES} deliveries failed for good, and its SuperAdmins get one e-mail`, async () => {
    const p = await portfolio();
    const { endpoint, path } = await register(p.superAdmin);
    receiver.answerAlways(path, { status: 500, body: "broken" });
    for (let n = 0; n < WEBHOOK_DISABLE_AFTER_FAILURES; n++) await expire(p);

    // Every retry comes due within 11 hours of the one before; run twice each time.
    for (let round = 0; round < 8; round++) {
      await t.app.lifecycle.deliverWebhooks();
      await t.app.lifecycle.deliverWebhooks();
      t.clock.advance(11 * 60 * 60_000);
    }
    const [stored] = await t.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpoint.id));
    expect(stored).toMatchObject({
      enabled: false,
      disabledReason: "failing",
      consecutiveFailures: WEBHOOK_DISABLE_AFTER_FAILURES,
    });
    expect(deliveredTo(path)).toHaveLength(WEBHOOK_DISABLE_AFTER_FAILURES * 7);
    const mails = await t.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.topic, "webhook_endpoint_disabled"),
          eq(mailOutbox.partnerId, p.partner.id),
        ),
      );
    expect(mails.map((m) => m.recipient)).toEqual([p.partner.superAdmin.email]);
    expect(mails[0]?.subject).toBe(`Webhook endpoint disabled: ${receiver.url(path)}`);

    // Disabled, it is sent nothing more; enabled again, it starts from a clean count.
    await expire(p);
    await t.app.lifecycle.deliverWebhooks();
    expect(deliveredTo(path)).toHaveLength(WEBHOOK_DISABLE_AFTER_FAILURES * 7);
    const enabled = await p.superAdmin.request({
      method: "PUT",
      url: `/api/v1/webhooks/${endpoint.id}`,
      payload: { enabled: true },
    });
    expect(enabled.json()).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
    });
  });
});

describe("a platform-wide endpoint that keeps failing", () => {
  it("is disabled, and Customer Success is told by e-mail", async () => {
    const staff = await createCustomerSuccess(t.db);
    const cs = await signIn(t.app, staff.email);
    const { endpoint, path } = await register(cs);
    receiver.answerAlways(path, { status: 502, body: "bad gateway" });
    const p = await portfolio();
    for (let n = 0; n < WEBHOOK_DISABLE_AFTER_FAILURES; n++) await expire(p);
    for (let round = 0; round < 8; round++) {
      await t.app.lifecycle.deliverWebhooks();
      t.clock.advance(11 * 60 * 60_000);
    }
    const listed = await cs.request({ method: "GET", url: `/api/v1/webhooks/${endpoint.id}` });
    expect(listed.json()).toMatchObject({ enabled: false, disabledReason: "failing" });
    const mails = await t.db
      .select({ recipient: mailOutbox.recipient, subject: mailOutbox.subject })
      .from(mailOutbox)
      .where(eq(mailOutbox.topic, "webhook_endpoint_disabled"));
    expect(mails).toContainEqual({
      recipient: staff.email,
      subject: `Webhook endpoint disabled: ${receiver.url(path)}`,
    });
    expect(mails.map((m) => m.recipient)).not.toContain(p.partner.superAdmin.email);
  });
});

describe("forgetting old deliveries", () => {
  const DAY = 24 * 60 * 60_000;

  it("forgets delivered and failed ones with their attempts after 30 days, batch by batch, and keeps the events and those still waiting", async () => {
    expect(loadConfig({}).webhooks.retentionMs).toBe(30 * DAY);
    expect(loadConfig({ WEBHOOK_RETENTION_DAYS: "7" }).webhooks.retentionMs).toBe(7 * DAY);
    const p = await portfolio();
    const taking = await register(p.superAdmin);
    const failing = await register(p.superAdmin);
    const paused = await register(p.superAdmin);
    receiver.answerAlways(failing.path, { status: 500, body: "broken" });
    const oldEvent = await expire(p);
    // Disabled after the event: its delivery waits, never attempted.
    await p.superAdmin.request({
      method: "PUT",
      url: `/api/v1/webhooks/${paused.endpoint.id}`,
      payload: { enabled: false },
    });
    // Every retry comes due within 11 hours of the one before: the failing one fails for good.
    for (let round = 0; round < 8; round++) {
      await t.app.lifecycle.deliverWebhooks();
      t.clock.advance(11 * 60 * 60_000);
    }
    const recentEvent = await expire(p);
    await t.app.lifecycle.deliverWebhooks();

    const ours = async () =>
      (
        await Promise.all(
          [taking, failing, paused].map(async ({ endpoint }) =>
            (
              await deliveries(p.superAdmin, endpoint.id)
            ).items.map((d) => ({
              endpoint: endpoint.id,
              event: d.event.id,
              status: d.status,
              attempts: d.attemptLog.length,
            })),
          ),
        )
      ).flat();
    const before = await ours();
    expect(before).toEqual(
      expect.arrayContaining([
        { endpoint: taking.endpoint.id, event: oldEvent, status: "delivered", attempts: 1 },
        { endpoint: failing.endpoint.id, event: oldEvent, status: "failed", attempts: 7 },
      ]),
    );
    expect(before).toHaveLength(5);

    // An hour short of 30 days after the first attempt, nothing is forgotten yet.
    t.clock.set(new Date(Date.parse(NOW) + 30 * DAY - 60 * 60_000).toISOString());
    expect(await forgetOldDeliveries(t.db, t.clock.now(), 30 * DAY, 1)).toBe(0);
    // The failing one's last attempt was 66 hours in; the recent event came at 88 hours.
    t.clock.set(new Date(Date.parse(NOW) + 30 * DAY + 67 * 60 * 60_000).toISOString());
    // The scheduled run of an instance, one delivery per batch until none is left; then once more,
    // as another instance would, with nothing left to do.
    const scheduled = await startTestApp({
      db: t.db,
      now: t.clock.now().toISOString(),
      config: { SWEEP_INTERVAL_SECONDS: "3600", SWEEP_BATCH_SIZE: "1" },
    });
    await scheduled.close();
    expect(await forgetOldDeliveries(t.db, t.clock.now(), 30 * DAY, 1)).toBe(0);

    const after = await ours();
    expect(after).toHaveLength(3);
    expect(after.filter((d) => d.event === oldEvent)).toEqual([
      { endpoint: paused.endpoint.id, event: oldEvent, status: "queued", attempts: 0 },
    ]);
    expect(
      after
        .filter((d) => d.event === recentEvent)
        .map((d) => d.status)
        .sort(),
    ).toEqual(["delivered", "retrying"]);
    const forgottenIds = before
      .filter((d) => d.event === oldEvent && d.status !== "queued")
      .map((d) => d.endpoint);
    const left = await t.db
      .select({ id: webhookAttempts.id })
      .from(webhookAttempts)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
      .where(
        and(
          eq(webhookDeliveries.eventId, oldEvent),
          inArray(webhookDeliveries.endpointId, forgottenIds),
        ),
      );
    expect(left).toEqual([]);
    expect(
      await t.db.select({ id: events.id }).from(events).where(eq(events.id, oldEvent)),
    ).toEqual([{ id: oldEvent }]);
    await t.db
      .update(webhookEndpoints)
      .set({ enabled: false })
      .where(eq(webhookEndpoints.partnerId, p.partner.id));
  });
});

describe("where local delivery is not allowed (production)", () => {
  /** A second instance on the same database, as production runs: no local or private endpoints. */
  async function guardedApp() {
    return startTestApp({
      db: t.db,
      now: NOW,
      config: { WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS), WEBHOOK_ALLOW_LOCAL_HTTP: "false" },
    });
  }

  it("never contacts an endpoint on this machine, by its address or by a name, and logs the refusal", async () => {
    const guarded = await guardedApp();
    try {
      const p = await portfolio();
      // Registered while local delivery was allowed (as a row written before the setting changed).
      const byAddress = await register(p.superAdmin);
      const byName = await register(p.superAdmin);
      await t.db
        .update(webhookEndpoints)
        .set({ url: byName.endpoint.url.replace("127.0.0.1", "localhost") })
        .where(eq(webhookEndpoints.id, byName.endpoint.id));
      await expire(p);
      await guarded.app.lifecycle.deliverWebhooks();
      t.clock.advance(5_000);
      guarded.clock.advance(5_000);
      await guarded.app.lifecycle.deliverWebhooks();

      expect(deliveredTo(byAddress.path)).toEqual([]);
      expect(deliveredTo(byName.path)).toEqual([]);
      const [first] = (await deliveries(p.superAdmin, byAddress.endpoint.id)).items;
      expect(first?.attemptLog.map((a) => [a.statusCode, a.error])).toEqual([
        [null, "The address 127.0.0.1 is inside a private network"],
        [null, "The address 127.0.0.1 is inside a private network"],
      ]);
      const [second] = (await deliveries(p.superAdmin, byName.endpoint.id)).items;
      expect(second?.attemptLog).toHaveLength(2);
      for (const attempt of second?.attemptLog ?? []) {
        expect(attempt.error).toMatch(
          /^The address (127\.0\.0\.1|::1) is inside a private network$/,
        );
      }
      // The rest of this file delivers locally: these two are kept out of its way.
      await t.db
        .update(webhookEndpoints)
        .set({ enabled: false })
        .where(eq(webhookEndpoints.partnerId, p.partner.id));
    } finally {
      await guarded.close();
    }
  });

  it("refuses an endpoint whose host is a private IP address or localhost, and a change to one", async () => {
    const guarded = await guardedApp();
    try {
      const p = await portfolio();
      const superAdmin = await signIn(guarded.app, p.partner.superAdmin.email);
      for (const url of [
        "https://10.0.0.8/hooks",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]:8443/in",
        "https://[::ffff:192.168.1.1]/in",
        "https://[fd12:3456::1]/in",
        "https://0x7f.1/in",
        "https://localhost/in",
        "https://hooks.localhost./in",
      ]) {
        const refused = await superAdmin.request({
          method: "POST",
          url: "/api/v1/webhooks",
          payload: { url, eventTypes: ["account.expired"] },
        });
        expect(refused.statusCode, url).toBe(400);
        expect(refused.json().errors).toEqual([
          {
            field: "url",
            message: "Use an address on the internet, not one inside a private network",
          },
        ]);
      }
      const created = await superAdmin.request({
        method: "POST",
        url: "/api/v1/webhooks",
        payload: { url: "https://hooks.example.com/in", eventTypes: ["account.expired"] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { endpoint } = created.json() as WebhookEndpointWithSecret;
      const changed = await superAdmin.request({
        method: "PUT",
        url: `/api/v1/webhooks/${endpoint.id}`,
        payload: { url: "https://192.168.0.10/in" },
      });
      expect(changed.statusCode).toBe(400);
      const stored = await t.db
        .select({ url: webhookEndpoints.url, enabled: webhookEndpoints.enabled })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.partnerId, p.partner.id));
      expect(stored).toEqual([{ url: "https://hooks.example.com/in", enabled: true }]);
      // Not reachable in tests: kept out of the rest of this file's deliveries.
      await t.db
        .update(webhookEndpoints)
        .set({ enabled: false })
        .where(eq(webhookEndpoints.id, endpoint.id));
    } finally {
      await guarded.close();
    }
  });
});

describe("two server instances at once", () => {
  it("deliver each event to an endpoint exactly once", async () => {
    // On PostgreSQL a second connection pool to the same database, as a second instance has.
    const second =
      onPostgres && t.databaseUrl
        ? await openDatabase({ kind: "postgres", url: t.databaseUrl, poolSize: 10 })
        : undefined;
    const other = await startTestApp({
      db: second?.db ?? t.db,
      now: NOW,
      config: { WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS), WEBHOOK_BATCH_SIZE: "7" },
    });
    try {
      const p = await portfolio();
      const { path } = await register(p.superAdmin);
      const recorded: string[] = [];
      for (let n = 0; n < 40; n++) recorded.push(await expire(p));
      for (let round = 0; round < 5; round++) {
        await Promise.all([
          t.app.lifecycle.deliverWebhooks(),
          other.app.lifecycle.deliverWebhooks(),
          t.app.lifecycle.deliverWebhooks(),
          other.app.lifecycle.deliverWebhooks(),
        ]);
      }
      const ids = deliveredTo(path).map((r) => String(r.headers["webhook-id"]));
      expect(ids.sort()).toEqual(recorded.sort());
    } finally {
      await other.close();
      await second?.close();
    }
  });
});
