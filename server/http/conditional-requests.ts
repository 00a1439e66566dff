/**
 * Conditional requests (RFC 9110 §13). Every 200 answer to a GET under /api/v1 carries a strong
 * `ETag`, a digest of the representation, and answers `If-None-Match` with 304. A PUT that sends
 * `If-Match` is checked against the ETag of what a GET of the same address answers the same caller
 * now, and refused with 412 when the thing changed since the client read it: an edit made from a
 * stale page does not silently overwrite another's. The check runs just before the change, not in
 * its transaction: it stops the stale edit, not two PUTs landing within the same few milliseconds.
 * A digest needs no version column, and holds for every representation alike.
 */
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Problem } from "../errors.ts";

export function etagOf(payload: string): string {
  return `"${createHash("sha256").update(payload).digest("base64url").slice(0, 27)}"`;
}

/** Whether a header's list of entity tags (or `*`) names `etag`; weak tags match weakly (GET only). */
function listed(header: string, etag: string, { weak }: { weak: boolean }): boolean {
  return header.split(",").some((raw) => {
    const tag = raw.trim();
    if (tag === "*") return true;
    if (tag.startsWith("W/")) return weak && tag.slice(2) === etag;
    return tag === etag;
  });
}

const API = /^\/api\/v1\//;

/** The headers that make an internal GET be the same caller's. */
export function callerHeaders(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ["cookie", "authorization", "origin", "accept-language"]) {
    const value = request.headers[name];
    if (typeof value === "string") headers[name] = value;
  }
  return headers;
}

export function registerConditionalRequests(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" || reply.statusCode !== 200 || !API.test(request.url)) {
      return payload;
    }
    if (typeof payload !== "string") return payload;
    const etag = etagOf(payload);
    reply.header("etag", etag);
    const ifNoneMatch = request.headers["if-none-match"];
    if (typeof ifNoneMatch === "string" && listed(ifNoneMatch, etag, { weak: true })) {
      reply.code(304);
      return "";
    }
    return payload;
  });

  app.addHook("preHandler", async (request) => {
    const ifMatch = request.headers["if-match"];
    if (request.method !== "PUT" || typeof ifMatch !== "string" || !API.test(request.url)) return;
    const current = await app.inject({
      method: "GET",
      url: request.url,
      headers: callerHeaders(request),
    });
    const etag = current.headers.etag;
    if (
      current.statusCode !== 200 ||
      typeof etag !== "string" ||
      !listed(ifMatch, etag, { weak: false })
    ) {
      throw new Problem(
        "PRECONDITION_FAILED",
        "It has changed since you read it (If-Match no longer matches its ETag): read it again, then change it.",
      );
    }
  });
}
