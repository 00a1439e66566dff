/**
 * Cursor pagination of an account's datapoints: following `next` (or the `Link` header) visits
 * every datapoint once, in order, even while datapoints are registered and released meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let catalogue: Catalogue;
let superAdmin: Session;
let accountId: string;

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  const partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  accountId = (await createAccount(t.db, partner.id, catalogue, { datapointsContracted: 500 })).id;
});
afterAll(() => t.close());

const meter = (n: number) => ({
  externalId: `m-${String(n).padStart(3, "0")}`,
  name: `Meter ${String(n).padStart(3, "0")}`,
  deviceName: `Board ${n % 3}`,
  kind: "meter",
});
const register = (datapoints: object[]) =>
  superAdmin.request({
    method: "POST",
    url: `/api/v1/usage/accounts/${accountId}/datapoints`,
    payload: { datapoints },
  });

describe("cursor pagination of datapoints", () => {
  it("visits every datapoint once, in the list's order, following Link while others are added before the cursor and after it", async () => {
    expect((await register(Array.from({ length: 25 }, (_, n) => meter(n)))).statusCode).toBe(200);
    const everyOne = await superAdmin.request({
      method: "GET",
      url: `/api/v1/usage/accounts/${accountId}/datapoints?pageSize=100`,
    });
    const order = everyOne.json().items.map((d: { externalId: string }) => d.externalId);

    const seen: string[] = [];
    let url: string | undefined = `/api/v1/usage/accounts/${accountId}/datapoints?pageSize=10`;
    let pages = 0;
    while (url) {
      const response = await superAdmin.request({ method: "GET", url });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json();
      seen.push(...page.items.map((d: { externalId: string }) => d.externalId));
      const link = response.headers.link;
      if (page.next)
        expect(link).toBe(
          `<${new URL(`http://x${url}`).pathname}?pageSize=10&after=${page.next}>; rel="next"`,
        );
      else expect(link).toBeUndefined();
      url = typeof link === "string" ? link.slice(1, link.indexOf(">")) : undefined;
      // After the first page, one datapoint lands where the cursor has passed (not seen) and one
      // ahead of it (seen at its place).
      if (pages++ === 0) {
        await register([
          { ...meter(900), deviceName: "Board 0", name: "A first" },
          { ...meter(901), deviceName: "Board 9" },
        ]);
      }
    }
    expect(seen).toEqual([...order, "m-901"]);
    expect(pages).toBe(3);
  });

  it("refuses a cursor it did not give with 400", async () => {
    const response = await superAdmin.request({
      method: "GET",
      url: `/api/v1/usage/accounts/${accountId}/datapoints?after=not-a-cursor`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("after");
  });
});
