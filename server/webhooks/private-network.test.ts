/** Which addresses webhooks may not go to, range by range, and the lookup that enforces it. */
import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { localiseWith } from "../../shared/i18n/server-words.ts";
import { translator } from "../i18n/translate.ts";
import {
  guardedLookup,
  isPrivateAddress,
  PRIVATE_IPV4_RANGES,
  PRIVATE_IPV6_RANGES,
} from "./private-network.ts";

const v4 = (n: bigint) => [24n, 16n, 8n, 0n].map((shift) => (n >> shift) & 255n).join(".");
const v4Number = (address: string) =>
  address.split(".").reduce((n, part) => (n << 8n) + BigInt(part), 0n);
const v6 = (n: bigint) =>
  Array.from({ length: 8 }, (_, i) => ((n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(
    ":",
  );
function v6Number(address: string): bigint {
  const [head = "", tail = ""] = address.split("::");
  const groups = (part: string) => (part ? part.split(":") : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = [...groups(head), ...Array(missing).fill("0"), ...groups(tail)];
  return all.reduce((n, group) => (n << 16n) + BigInt(`0x${group}`), 0n);
}

/** The first and last address of a range, and the addresses just outside it (if any). */
function edges(start: bigint, prefix: number, bits: number) {
  const size = 1n << BigInt(bits - prefix);
  const last = start + size - 1n;
  const max = (1n << BigInt(bits)) - 1n;
  return {
    inside: [start, start + size / 2n, last],
    outside: [start - 1n, last + 1n].filter((n) => n >= 0n && n <= max),
  };
}

const isPrivateV4 = (n: bigint) =>
  PRIVATE_IPV4_RANGES.some(([network, prefix]) => {
    const start = v4Number(network);
    return n >= start && n < start + (1n << BigInt(32 - prefix));
  });
const isPrivateV6 = (n: bigint) =>
  PRIVATE_IPV6_RANGES.some(([network, prefix]) => {
    const start = v6Number(network);
    return n >= start && n < start + (1n << BigInt(128 - prefix));
  });

describe("addresses inside a private network", () => {
  it.each(PRIVATE_IPV4_RANGES)(
    "include all of %s/%i, also written as IPv4-mapped IPv6",
    (network, prefix) => {
      const { inside, outside } = edges(v4Number(network), prefix, 32);
      for (const n of inside) {
        expect(isPrivateAddress(v4(n)), v4(n)).toBe(true);
        expect(isPrivateAddress(`::ffff:${v4(n)}`), `::ffff:${v4(n)}`).toBe(true);
        expect(isPrivateAddress(`[::ffff:${v4(n)}]`), `[::ffff:${v4(n)}]`).toBe(true);
      }
      // Just outside, an address is private only when the next range starts there.
      for (const n of outside) {
        expect(isPrivateAddress(v4(n)), v4(n)).toBe(isPrivateV4(n));
        expect(isPrivateAddress(`::ffff:${v4(n)}`), `::ffff:${v4(n)}`).toBe(isPrivateV4(n));
      }
    },
  );

  it.each(PRIVATE_IPV6_RANGES)("include all of %s/%i", (network, prefix) => {
    const { inside, outside } = edges(v6Number(network), prefix, 128);
    for (const n of inside) expect(isPrivateAddress(v6(n)), v6(n)).toBe(true);
    for (const n of outside) {
      // ::ffff:0:0/96 follows ::/96 and is judged by its IPv4 address (0.0.0.0 is private).
      const mappedV4 = n >> 32n === 0xffffn ? isPrivateV4(n & 0xffffffffn) : false;
      expect(isPrivateAddress(v6(n)), v6(n)).toBe(isPrivateV6(n) || mappedV4);
    }
  });

  it("include the cloud metadata service, loopback and unspecified in every spelling", () => {
    for (const address of [
      "169.254.169.254",
      "::ffff:169.254.169.254",
      "::ffff:a9fe:a9fe",
      "127.0.0.1",
      "::1",
      "[::1]",
      "::",
      "0.0.0.0",
      "fd00:ec2::254",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
  });

  it("leave out public addresses and names", () => {
    for (const address of [
      "8.8.8.8",
      "1.1.1.1",
      "100.63.255.255",
      "172.32.0.0",
      "192.169.0.1",
      "::ffff:8.8.8.8",
      "2606:4700:4700::1111",
      "2a00:1450:4003:80f::200e",
      "hooks.example.com",
      "localhost",
    ]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});

function lookUp(hostname: string, all: boolean) {
  return new Promise<{ error: Error | null; address: string | LookupAddress[]; family?: number }>(
    (resolve) =>
      guardedLookup(hostname, { all }, (error, address, family) =>
        resolve({ error, address, family }),
      ),
  );
}

describe("the lookup a delivery connects with", () => {
  it("refuses a name that resolves to this machine", async () => {
    for (const all of [false, true]) {
      const { error } = await lookUp("localhost", all);
      expect(error?.message).toMatch(
        /^The address (127\.0\.0\.1|::1) is inside a private network$/,
      );
    }
  });

  it("hands a public address on in the shape the connection asked for", async () => {
    expect(await lookUp("8.8.8.8", false)).toEqual({ error: null, address: "8.8.8.8", family: 4 });
    expect(await lookUp("8.8.8.8", true)).toEqual({
      error: null,
      address: [{ address: "8.8.8.8", family: 4 }],
      family: undefined,
    });
  });
});

describe("the refusal of a private address at registration", () => {
  it("reaches a Spanish reader in Spanish", () => {
    expect(
      localiseWith(
        "Use an address on the internet, not one inside a private network",
        "es",
        translator("es"),
      ),
    ).toBe("Usa una dirección de internet, no una de una red privada");
  });
});
