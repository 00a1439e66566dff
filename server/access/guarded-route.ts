/**
 * Routes state their callers once. The check runs when the request arrives, before its body is
 * even validated (an unauthorised caller learns nothing from validation messages), and the handler
 * receives the caller as the type the route serves.
 */
import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchema,
  HTTPMethods,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Caller, Callers } from "./actor.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Who may call the route, as `guarded` was told: the API document reads its refusals off it. */
    callers?: Callers<Caller | null>;
  }
}

type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

type Handler<S extends FastifySchema> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  S,
  ZodTypeProvider,
  FastifyBaseLogger
>;

type GuardedHandler<A, S extends FastifySchema> = (
  request: Parameters<Handler<S>>[0],
  reply: Parameters<Handler<S>>[1],
  caller: A,
) => ReturnType<Handler<S>>;

interface GuardedOptions<A extends Caller | null, S extends FastifySchema> {
  callers: Callers<A>;
  schema: S;
}

/** `guarded(app).post(url, { callers: callers.superAdmin, schema }, (request, reply, actor) => …)` */
export function guarded(app: ZodApp) {
  const on =
    (method: HTTPMethods) =>
    <A extends Caller | null, S extends FastifySchema>(
      url: string,
      { callers, schema }: GuardedOptions<A, S>,
      handler: GuardedHandler<A, S>,
    ): void => {
      app.route<RouteGenericInterface, ContextConfigDefault, S>({
        method,
        url,
        schema,
        // Who may call it, for the API document (which refusals the route can give).
        config: { callers },
        onRequest: async (request) => void callers(request.actor),
        handler(request, reply) {
          return handler(request, reply, callers(request.actor));
        },
      });
    };
  return { get: on("GET"), post: on("POST"), put: on("PUT"), delete: on("DELETE") };
}
