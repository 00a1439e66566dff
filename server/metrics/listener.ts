/**
 * `/metrics` for Prometheus, on a listener of its own (METRICS_PORT, METRICS_HOST): never on the
 * public port, where anyone could read the figures. Scrapes are not logged; they come every few
 * seconds and tell nothing.
 */
import Fastify, { type FastifyInstance } from "fastify";
import type { Registry } from "prom-client";

export function metricsListener(registry: Registry): FastifyInstance {
  const listener = Fastify({ logger: false });
  listener.get("/metrics", async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
  return listener;
}
