/**
 * `Idempotency-Key` on every POST, not only the usage API's: a retry gets the first answer back
 * without doing the change again, another request under the same key is refused, a refusal is not
 * kept, and two requests racing with one key make one change.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, idempotencyKeys } from "../db/schema/index.ts";
import {
  type Catalogue,
  createCatalogue,
  createPartner,
  newAccountRequest,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let partner: PartnerFixture;
let superAdmin: Session;
let catalogue: Catalogue;

beforeAll(async () => {
  t = await startTestApp();
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
});
afterAll(() => t.close());

const createKey = (idempotencyKey: string, name = "Gateway") =>
  superAdmin.request({
    method: "POST",
    url: "/api/v1/api-keys",
    headers: { "idempotency-key": idempotencyKey },
    payload: { name },
  });

const keysNamed = async (name: string) =>
  (await t.db.select().from(apiKeys).where(eq(apiKeys.partnerId, partner.id))).filter(
    (key) => key.name === name,
  );

describe("Idempotency-Key on POST /api-keys", () => {
  it("creates one key for two requests with one key, and replays the first answer, Location included", async () => {
    const first = await createKey("create-gateway-1", "Gateway one");
    const second = await createKey("create-gateway-1", "Gateway one");
    expect(first.statusCode).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    expect(second.statusCode).toBe(201);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.json()).toEqual(first.json());
    expect(second.headers.location).toBe(first.headers.location);
    expect(await keysNamed("Gateway one")).toHaveLength(1);
  });

  it("gives a retry the new key's secret, while the database keeps it only sealed", async () => {
    const first = await createKey("create-gateway-sealed", "Gateway sealed");
    const secret: string = first.json().secret;
    const remembered = await t.db
      .select({ response: idempotencyKeys.response })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, "create-gateway-sealed"));
    expect(remembered).toHaveLength(1);
    expect(JSON.stringify(remembered[0]?.response)).not.toContain(secret);
    const retry = await createKey("create-gateway-sealed", "Gateway sealed");
    expect(retry.json().secret).toBe(secret);
  });

  it("refuses the same key with another request, and changes nothing", async () => {
    expect((await createKey("create-gateway-2", "Gateway two")).statusCode).toBe(201);
    const other = await createKey("create-gateway-2", "Gateway three");
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await keysNamed("Gateway three")).toHaveLength(0);
  });

  it("does not keep a refusal: the same key tries again once the request is right", async () => {
    const refused = await createKey("create-gateway-3", "");
    expect(refused.statusCode).toBe(400);
    const refusedAgain = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { "idempotency-key": "create-gateway-4" },
      payload: { name: "Gateway four", accountId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(refusedAgain.statusCode).toBe(404);
    const retried = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { "idempotency-key": "create-gateway-4" },
      payload: { name: "Gateway four" },
    });
    expect(retried.statusCode).toBe(201);
    expect(retried.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("makes one key of two requests racing with one key", async () => {
    const [a, b] = await Promise.all([
      createKey("create-gateway-5", "Gateway five"),
      createKey("create-gateway-5", "Gateway five"),
    ]);
    expect([a?.statusCode, b?.statusCode]).toEqual([201, 201]);
    expect(a?.json()).toEqual(b?.json());
    expect(await keysNamed("Gateway five")).toHaveLength(1);
  });

  it("keeps one person's keys apart from another's", async () => {
    const other = await createPartner(t.db);
    const otherAdmin = await signIn(t.app, other.superAdmin.email);
    expect((await createKey("shared-key", "Mine")).statusCode).toBe(201);
    const theirs = await otherAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { "idempotency-key": "shared-key" },
      payload: { name: "Theirs" },
    });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers["idempotent-replayed"]).toBeUndefined();
  });
});

describe("Idempotency-Key on other POSTs", () => {
  it("files one application for two requests with one key", async () => {
    const body = { kind: "new_account", payload: newAccountRequest(catalogue) };
    const file = () =>
      superAdmin.request({
        method: "POST",
        url: "/api/v1/account-management/applications",
        headers: { "idempotency-key": "file-once" },
        payload: body,
      });
    const first = await file();
    const second = await file();
    expect(first.statusCode, first.body).toBe(201);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.json().id).toBe(first.json().id);
  });
});
