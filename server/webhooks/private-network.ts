/**
 * Where webhooks may not go: addresses that are not on the public internet — this machine, our
 * private networks, the cloud's metadata service (169.254.169.254) and the like. Without this, a
 * SuperAdmin could make the deliverer post to, and report the answers of, services inside our
 * network (server-side request forgery).
 *
 * The check happens when the connection is made, on the addresses it is made to (`guardedLookup`),
 * not by a lookup before the request: a host name whose DNS answers change between a check and the
 * connection (DNS rebinding) gets no second chance.
 */
import { type LookupAddress, type LookupOptions, lookup } from "node:dns";
import { BlockList, isIP } from "node:net";

/** IANA's special-purpose ranges that are not globally reachable, plus multicast and reserved. */
export const PRIVATE_IPV4_RANGES = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, the cloud metadata service
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
] as const;

/** IPv4-mapped addresses (::ffff:a.b.c.d) are judged by the IPv4 ranges: BlockList does that. */
export const PRIVATE_IPV6_RANGES = [
  ["::", 96], // unspecified, loopback (::1) and the deprecated IPv4-compatible addresses
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["2001::", 32], // Teredo, which can carry a private IPv4 address
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4, which can carry a private IPv4 address
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const;

const privateNetworks = new BlockList();
for (const [network, prefix] of PRIVATE_IPV4_RANGES) {
  privateNetworks.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of PRIVATE_IPV6_RANGES) {
  privateNetworks.addSubnet(network, prefix, "ipv6");
}

/** Whether `address` (an IP address, IPv6 with or without brackets) is not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  const family = isIP(bare);
  if (family === 0) return false;
  return privateNetworks.check(bare, family === 4 ? "ipv4" : "ipv6");
}

/** A delivery refused before connecting; its message is what the attempt log shows. */
export class PrivateAddressError extends Error {
  override readonly name = "PrivateAddressError";
  constructor(address: string) {
    super(`The address ${address} is inside a private network`);
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * `lookup` for node:http(s) requests: resolves as usual and refuses when any address the name has is
 * private, rather than picking a public one, since a name that points inside is not to be trusted.
 */
export function guardedLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new PrivateAddressError(refused.address), []);
    const [first] = addresses;
    if (options.all) return callback(null, addresses);
    if (!first)
      return callback(
        Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }),
        [],
      );
    callback(null, first.address, first.family);
  });
}
