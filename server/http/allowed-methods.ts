/**
 * A wrong method on a path the app knows is not "nothing here": it answers 405 with the methods
 * that path does take in `Allow`. The routes are collected as they are registered.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { escapeRegExp } from "../../shared/regexp.ts";
import { toDocument } from "../errors.ts";
import { sendProblem } from "./problem-handler.ts";

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

/** A find-my-way route path (`/accounts/:id`, `/api/auth/*`) as a pattern of the request path. */
function patternOf(url: string): RegExp {
  const segments = url.split("/").map((segment) => {
    if (segment === "*") return ".*";
    if (segment.startsWith(":")) return "[^/]+";
    return escapeRegExp(segment).replace(/\\\*$/, ".*");
  });
  return new RegExp(`^${segments.join("/")}$`);
}

/**
 * Collects the routes registered from now on (call it before the routes are registered). The
 * answer, for the not-found handler, refuses a request whose path takes other methods with 405
 * and `Allow` (HEAD wherever GET is); for a path no route has it sends nothing (undefined).
 */
export function trackAllowedMethods(
  app: FastifyInstance,
): (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined {
  const known = new Map<string, KnownPath>();
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const entry = known.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set() };
    for (const method of methods) entry.methods.add(method);
    if (entry.methods.has("GET")) entry.methods.add("HEAD");
    known.set(route.url, entry);
  });
  const allowedOn = (path: string): string[] => {
    const allowed = new Set<string>();
    for (const { pattern, methods } of known.values()) {
      if (pattern.test(path)) for (const method of methods) allowed.add(method);
    }
    return [...allowed].sort();
  };
  return (request, reply) => {
    const path = request.url.split("?")[0] ?? request.url;
    const allowed = allowedOn(path);
    if (allowed.length === 0) return undefined;
    reply.header("allow", allowed.join(", "));
    return sendProblem(
      reply,
      toDocument(
        "METHOD_NOT_ALLOWED",
        `${path} takes ${allowed.join(", ")}, not ${request.method}.`,
      ),
    );
  };
}
