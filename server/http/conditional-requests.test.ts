/**
 * ETag on what can be changed, If-Match on the change: an edit from a stale page is refused with
 * 412 and changes nothing; a fresh one goes through; If-None-Match saves a download.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Catalogue,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let catalogue: Catalogue;
let superAdmin: Session;
let customerSuccess: Session;

beforeAll(async () => {
  t = await startTestApp();
  catalogue = await createCatalogue(t.db);
  const partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
});
afterAll(() => t.close());

const read = (session: Session, url: string, headers: Record<string, string> = {}) =>
  session.request({ method: "GET", url, headers });
const change = (session: Session, url: string, payload: object, ifMatch?: string) =>
  session.request({
    method: "PUT",
    url,
    payload,
    headers: ifMatch === undefined ? {} : { "if-match": ifMatch },
  });

describe("ETag and If-Match", () => {
  it("refuses a profile change made from a stale read with 412, and takes one made from a fresh read", async () => {
    const first = await read(superAdmin, "/api/v1/me/profile");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);

    const changed = await change(
      superAdmin,
      "/api/v1/me/profile",
      { name: "Ana", language: "es" },
      etag,
    );
    expect(changed.statusCode).toBe(200);
    const stale = await change(
      superAdmin,
      "/api/v1/me/profile",
      { name: "Bea", language: "en" },
      etag,
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(stale.json().code).toBe("PRECONDITION_FAILED");

    const now = await read(superAdmin, "/api/v1/me/profile");
    expect(now.json()).toMatchObject({ name: "Ana", language: "es" });
    expect(now.headers.etag).not.toBe(etag);
    const fresh = await change(
      superAdmin,
      "/api/v1/me/profile",
      { name: "Bea", language: "en" },
      String(now.headers.etag),
    );
    expect(fresh.statusCode).toBe(200);
  });

  it("guards a partner and a catalogue entry the same way; `*` and no If-Match at all still change", async () => {
    const partner = await createPartner(t.db);
    const url = `/api/v1/partners/${partner.id}`;
    const before = await read(customerSuccess, url);
    const body = {
      name: `Renamed ${partner.id.slice(0, 6)}`,
      country: "ES",
      timeZone: "Europe/Madrid",
      defaultLanguage: "es",
    };
    expect((await change(customerSuccess, url, body, String(before.headers.etag))).statusCode).toBe(
      200,
    );
    expect(
      (await change(customerSuccess, url, { ...body, name: "Stale" }, String(before.headers.etag)))
        .statusCode,
    ).toBe(412);

    const licence = `/api/v1/catalogue/licences/${catalogue.licenceId}`;
    const entry = await read(customerSuccess, licence);
    expect(entry.headers.etag).toBeDefined();
    expect(
      (await change(customerSuccess, licence, { name: "Licence one" }, '"not-it"')).statusCode,
    ).toBe(412);
    expect((await change(customerSuccess, licence, { name: "Licence one" }, "*")).statusCode).toBe(
      200,
    );
    expect(
      (await change(customerSuccess, licence, { name: "Licence one, again" })).statusCode,
    ).toBe(200);
  });

  it("answers If-None-Match with 304 while nothing changed, and 200 once it did", async () => {
    const first = await read(superAdmin, "/api/v1/me/profile");
    const etag = String(first.headers.etag);
    const unchanged = await read(superAdmin, "/api/v1/me/profile", { "if-none-match": etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe("");
    await change(superAdmin, "/api/v1/me/profile", { name: "Carla", language: "es" });
    const changed = await read(superAdmin, "/api/v1/me/profile", { "if-none-match": etag });
    expect(changed.statusCode).toBe(200);
  });
});
