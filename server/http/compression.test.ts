/**
 * What the browser downloads: the web client's files in the brotli or gzip copy made at build
 * time, API answers compressed from 1 KB, built assets cached for good and the page that names
 * them checked on every visit, made for each visit: a signed-in one carries its user.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressFolder } from "../../scripts/precompress.ts";
import { createAccount, createCatalogue, createPartner } from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

const ASSET = "/assets/index-Ab12Cd34.js";
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;

let t: TestApp;
let clientDir: string;
let superAdmin: Session;

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), "wattfolio-client-"));
  await mkdir(join(clientDir, "assets"));
  await writeFile(join(clientDir, ASSET), SCRIPT);
  await writeFile(
    join(clientDir, "index.html"),
    `<!doctype html><html><head><script type="module" src="${ASSET}"></script></head><body><div id="root"></div></body></html>`,
  );
  await precompressFolder(clientDir);
  t = await startTestApp({ clientDir });
  const partner = await createPartner(t.db);
  const catalogue = await createCatalogue(t.db);
  for (let i = 0; i < 8; i++) await createAccount(t.db, partner.id, catalogue);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
});
afterAll(async () => {
  await t.close();
  await rm(clientDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "GET", url, headers });

describe("the web client's files", () => {
  it("come in brotli to a browser that accepts it, even when it also accepts gzip", async () => {
    const answer = await get(ASSET, { "accept-encoding": "gzip, deflate, br" });
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-type"]).toMatch(/javascript/);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(answer.rawPayload).toString()).toBe(SCRIPT);
    // The copy made at build time, not compressed again on each request.
    expect(answer.rawPayload.equals(await readFile(join(clientDir, `${ASSET}.br`)))).toBe(true);
  });

  it("come in gzip to a browser that accepts only gzip", async () => {
    const answer = await get(ASSET, { "accept-encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.rawPayload).toString()).toBe(SCRIPT);
  });

  it("come as they are to a client that accepts no compression", async () => {
    const answer = await get(ASSET);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body).toBe(SCRIPT);
  });

  it("are cached for a year and never revalidated when their name carries their content's hash", async () => {
    const answer = await get(ASSET, { "accept-encoding": "br" });
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("include a page, index.html, that browsers check again on every visit", async () => {
    for (const url of ["/", "/index.html", "/account-management"]) {
      const answer = await superAdmin.request({
        method: "GET",
        url,
        headers: { "accept-encoding": "br" },
      });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers["content-type"], url).toMatch(/^text\/html/);
      expect(answer.headers["cache-control"], url).toBe("private, no-cache");
    }
  });
});

describe("API answers", () => {
  const accounts = "/api/v1/accounts?pageSize=50";

  it("of 1 KB or more come in brotli or gzip as accepted, and are still never stored", async () => {
    const plain = await superAdmin.request({ method: "GET", url: accounts });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const br = await superAdmin.request({
      method: "GET",
      url: accounts,
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gzip = await superAdmin.request({
      method: "GET",
      url: accounts,
      headers: { "accept-encoding": "gzip" },
    });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
  });

  it("keep the ETag of their content, so a compressed read still gets 304 Not Modified", async () => {
    const first = await superAdmin.request({
      method: "GET",
      url: accounts,
      headers: { "accept-encoding": "br" },
    });
    const etag = first.headers.etag;
    expect(etag).toBe((await superAdmin.request({ method: "GET", url: accounts })).headers.etag);
    const again = await superAdmin.request({
      method: "GET",
      url: accounts,
      headers: { "accept-encoding": "br", "if-none-match": String(etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });

  it("under 1 KB come as they are: compressing them saves nothing", async () => {
    const answer = await get("/healthz", { "accept-encoding": "br, gzip" });
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.json()).toEqual({ status: "ok" });
  });
});

describe("the page a signed-in browser downloads", () => {
  const carriedUser = (html: string) =>
    /<script id="signed-in-user" type="application\/json">(.*)<\/script>/.exec(html)?.[1];

  it("carries the signed-in user as GET /api/v1/me answers them, for that browser alone", async () => {
    const page = await superAdmin.request({ method: "GET", url: "/account-management" });
    const me = await superAdmin.request({ method: "GET", url: "/api/v1/me" });
    expect(JSON.parse(carriedUser(page.body) ?? "null")).toEqual(me.json());
    expect(page.headers["cache-control"]).toBe("private, no-cache");
    expect(page.headers.vary).toMatch(/cookie/i);
  });

  it("is not sent without a live session: the browser goes to the sign-in page at once, with the way back", async () => {
    for (const cookie of ["wattfolio.session_token=forged.signature", ""]) {
      const page = await get("/account-management?zone=expired", { cookie });
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toBe("/login?next=%2Faccount-management%3Fzone%3Dexpired");
      expect(page.headers["cache-control"]).toBe("private, no-cache");
      expect(page.headers.vary).toMatch(/cookie/i);
      expect((await get("/", { cookie })).headers.location).toBe("/login");
    }
  });

  it("of a page open to anyone carries no user for a forged or absent session", async () => {
    for (const url of ["/login?next=%2Fmailbox", "/forgot-password", "/invitations/abc123"]) {
      for (const cookie of ["wattfolio.session_token=forged.signature", ""]) {
        const page = await get(url, { cookie });
        expect(page.statusCode, url).toBe(200);
        expect(carriedUser(page.body), url).toBe(undefined);
      }
    }
  });
});
