/**
 * Where the web app is served from: PUBLIC_URL, and every address this machine answers on at PORT
 * (http://localhost, http://127.0.0.1, http://[::1], the address HOST names, or every interface's
 * when HOST is a wildcard). A page at any of them is our own page; changes from any other origin
 * are cross-site and refused.
 */
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import type { Config } from "../config.ts";

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]", ""]);

const hostInUrl = (host: string) => (isIP(host) === 6 ? `[${host}]` : host);

export function appOrigins(config: Pick<Config, "publicUrl" | "host" | "port">): string[] {
  const hosts = new Set(["localhost", "127.0.0.1", "::1"]);
  if (WILDCARDS.has(config.host)) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address } of addresses ?? []) hosts.add(address.split("%")[0] ?? address);
    }
  } else {
    hosts.add(config.host.replace(/^\[(.*)\]$/, "$1"));
  }
  const local = [...hosts].map(
    (host) => new URL(`http://${hostInUrl(host)}:${config.port}`).origin,
  );
  return [...new Set([new URL(config.publicUrl).origin, ...local])];
}
