/**
 * What every request and every log line carries: a request id (the caller's own when it is a sane
 * one, else a new one) in the `x-request-id` header and in each log line of the request, with the
 * partner once the caller is known; API answers are never cached (they hold a tenant's data); and
 * secrets sent in a URL — in its query string, or an invitation link's token in its path — never
 * reach the log.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { DestinationStream } from "pino";
import { API_KEY_PREFIX } from "../../shared/domain/api-keys.ts";
import type { Caller } from "../access/actor.ts";

export const REQUEST_ID_HEADER = "x-request-id";

/** Ids from load balancers and tracing tools (UUIDs, `Root=1-…`, hex); nothing that could forge a log line. */
const SANE_REQUEST_ID = /^[\w.:=+/@-]{1,128}$/;

/** Fastify's `genReqId`: the incoming `x-request-id` when it is a sane one, else a new UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Query parameters that carry credentials when a client puts them in the URL. */
const SECRET_PARAMETERS =
  /^(api[_-]?key|key|token|access[_-]?token|auth|authorization|secret|password|session|session[_-]?token)$/i;
const KEY_SECRET = new RegExp(`${API_KEY_PREFIX}[A-Za-z0-9_-]+`, "g");
const REDACTED = "[REDACTED]";

/** A path segment as the router reads it (percent-decoded, case aside), for comparing. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return segment.toLowerCase();
  }
}

/**
 * The segment after every `invitations` segment redacted: it is the token of an invitation link
 * (the page `/invitations/<token>`, `/api/v1/invitations/<token>[/accept]`). The ids in
 * `/api/v1/{users,staff}/invitations/<id>/…` go too: one rule that cannot miss a token is worth
 * more than an invitation's id in the log.
 */
function redactedPath(path: string): string {
  const segments = path.split("/");
  for (let i = 0; i < segments.length - 1; i++) {
    if (decodedSegment(segments[i] ?? "") === "invitations" && segments[i + 1] !== "") {
      segments[i + 1] = REDACTED;
    }
  }
  return segments.join("/");
}

/**
 * The URL as it may be logged: credentials in the query string, invitation tokens in the path, and
 * anything like an API key, redacted.
 */
export function redactedUrl(url: string): string {
  const at = url.indexOf("?");
  const path = redactedPath(at === -1 ? url : url.slice(0, at));
  const query =
    at === -1
      ? ""
      : `?${url
          .slice(at + 1)
          .split("&")
          .map((pair) => {
            const equals = pair.indexOf("=");
            const name = equals === -1 ? pair : pair.slice(0, equals);
            let decoded = name;
            try {
              decoded = decodeURIComponent(name.replaceAll("+", " "));
            } catch {
              // A malformed name is logged as sent.
            }
            return equals !== -1 && SECRET_PARAMETERS.test(decoded) ? `${name}=${REDACTED}` : pair;
          })
          .join("&")}`;
  return `${path}${query}`.replace(KEY_SECRET, `${API_KEY_PREFIX}${REDACTED}`);
}

/** Fastify's request serializer, with the URL redacted. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactedUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Fastify's logger options at `level` (none when silent); `stream` lets tests read the lines. */
export function loggerOptions(level: string, stream?: DestinationStream) {
  if (level === "silent") return false;
  return { level, serializers: { req: serializeRequest }, ...(stream ? { stream } : {}) };
}

/** The headers every answer carries; also called for answers Fastify gives before routing. */
export function stampResponse(request: FastifyRequest, reply: FastifyReply): void {
  reply.header(REQUEST_ID_HEADER, request.id);
  if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
}

export function registerRequestHygiene(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => stampResponse(request, reply));
}

/** The partner a caller acts for, if it is one partner's. */
function partnerOf(caller: Caller): string | undefined {
  switch (caller.kind) {
    case "partner_user":
      return caller.partnerId;
    case "integration":
      return caller.scope.kind === "platform" ? undefined : caller.scope.partnerId;
    case "customer_success":
      return undefined;
  }
}

/** Once the caller is known (register after the hook that resolves it), its partner joins every log line. */
export function registerCallerInLog(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    const partnerId = request.actor ? partnerOf(request.actor) : undefined;
    if (partnerId === undefined) return;
    const log = request.log.child({ partnerId });
    request.log = log;
    reply.log = log;
  });
}
