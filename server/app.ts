/**
 * Builds the Fastify application in three tiers: external concerns (validation, security headers,
 * OpenAPI, errors), then the app's own (sessions and actors), then one route group per capability.
 */
import { existsSync } from "node:fs";
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import compress from "@fastify/compress";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import apiReference from "@scalar/fastify-api-reference";
import Fastify, { type FastifyInstance } from "fastify";
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { DestinationStream } from "pino";
import { z } from "zod";
import type { Clock } from "../shared/domain/clock.ts";
import { accountRoutes } from "./accounts/routes.ts";
import { apiKeyRoutes } from "./api-keys/routes.ts";
import { applicationRoutes } from "./applications/routes.ts";
import { createApiKeyRequestLimit } from "./auth/api-key-request-limit.ts";
import { createKeyVerifier } from "./auth/api-key-verifier.ts";
import { createAuth } from "./auth/better-auth.ts";
import { registerAuth } from "./auth/plugin.ts";
import { meRoutes } from "./auth/routes.ts";
import { catalogueRoutes } from "./catalogue/routes.ts";
import { type Config, fastifyTrustProxy } from "./config.ts";
import { type Database, isReady } from "./db/client.ts";
import { toDocument } from "./errors.ts";
import { eventRoutes } from "./events/routes.ts";
import { trackAllowedMethods } from "./http/allowed-methods.ts";
import { registerConditionalRequests } from "./http/conditional-requests.ts";
import { registerIdempotency } from "./http/idempotency.ts";
import {
  answerClientError,
  answerFrameworkError,
  registerProblemHandler,
  sendProblem,
} from "./http/problem-handler.ts";
import {
  loggerOptions,
  REQUEST_ID_HEADER,
  registerCallerInLog,
  registerRequestHygiene,
  requestIdOf,
} from "./http/request-hygiene.ts";
import { loadWebPage, sessionOfVisit, signInFirst } from "./http/web-page.ts";
import { invitationRoutes } from "./invitations/routes.ts";
import { sweepRoutes } from "./jobs/routes.ts";
import { createLifecycle, type Lifecycle } from "./jobs/schedule.ts";
import { mailRoutes } from "./mail/routes.ts";
import { transportFor } from "./mail/transports.ts";
import { metricsListener } from "./metrics/listener.ts";
import { createMetrics } from "./metrics/metrics.ts";
import { createNotices } from "./notices/notices.ts";
import { openApiOptions } from "./openapi/document.ts";
import { partnerRoutes } from "./partners/routes.ts";
import { peopleRoutes } from "./people/routes.ts";
import { profileRoutes } from "./profile/routes.ts";
import { securityLogRoutes } from "./security-log/routes.ts";
import { staffRoutes } from "./staff/routes.ts";
import { testClockRoutes } from "./test-clock/routes.ts";
import { openTestClock } from "./test-clock/test-clock.ts";
import { usageRoutes } from "./usage/routes.ts";
import { webhookRoutes } from "./webhooks/routes.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Reminder sweeps and mail delivery of this instance; scheduled unless the interval is 0. */
    lifecycle: Lifecycle;
    /** Serves `/metrics` to Prometheus; listens only where METRICS_PORT says (instance.ts). */
    metricsListener: FastifyInstance;
  }
}

interface AppDependencies {
  config: Config;
  db: Database;
  /** Real time; with TEST_CLOCK=1 the app runs ahead of it by the test clock's offset. */
  clock: Clock;
  authSecret: string;
  /** Built web client to serve; omitted in API-only tests. */
  clientDir?: string | undefined;
  /** Where log lines go instead of stdout (tests that read them). */
  logStream?: DestinationStream | undefined;
}

export const defaultClientDir = fileURLToPath(new URL("../dist/client", import.meta.url));

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, db } = deps;
  const testClock = config.testClock ? await openTestClock(db, deps.clock) : undefined;
  const clock: Clock = testClock ?? deps.clock;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, deps.logStream),
    genReqId: requestIdOf,
    requestIdHeader: false,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // External tier.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // Mantine writes its CSS variables into style attributes and tags at run time.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        // Only meaningful (and harmless) when the app is served over HTTPS.
        "upgrade-insecure-requests": config.publicUrl.startsWith("https://") ? [] : null,
      },
    },
  });
  // Answers from 1 KB (API JSON, CSV, problem documents) go out in brotli or gzip as the browser
  // accepts; the web client's files are compressed once at build time and sent as they are (below).
  // It compresses after every other hook has seen the answer (ETags are of the uncompressed body).
  await app.register(compress, { global: true, threshold: 1024, encodings: ["br", "gzip"] });
  registerProblemHandler(app);
  registerRequestHygiene(app);
  const metrics = createMetrics({
    db,
    clock,
    sweepIntervalMs: config.lifecycle.intervalMs,
    processFigures: config.metrics !== undefined,
  });
  metrics.observe(app);
  app.decorate("metricsListener", metricsListener(metrics.registry));
  app.addHook("onClose", async () => app.metricsListener.close());
  const refuseWrongMethod = trackAllowedMethods(app);
  await app.register(
    swagger,
    openApiOptions({ publicUrl: config.publicUrl, requestIdHeader: REQUEST_ID_HEADER }),
  );
  await app.register(async (docs) => {
    // The reference page runs its own inline bootstrap script.
    docs.addHook("onSend", async (_request, reply) => {
      reply.header(
        "content-security-policy",
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:",
      );
    });
    await docs.register(apiReference, { routePrefix: "/api/docs" });
  });

  // App tier.
  if (testClock) {
    // Every request sees the clock as the last instance to move it left it.
    app.addHook("onRequest", async (request) => {
      if (request.url.startsWith("/api/")) await testClock.refresh();
    });
  }
  const notices = createNotices(config.publicUrl);
  const lifecycle = createLifecycle({
    db,
    clock,
    refreshClock: testClock?.refresh,
    notices,
    transport: transportFor(config.mail, db),
    lifecycle: config.lifecycle,
    mail: config.mail,
    webhooks: config.webhooks,
    publicUrl: config.publicUrl,
    log: app.log,
    metrics: metrics.lifecycle,
  });
  app.decorate("lifecycle", lifecycle);
  app.addHook("onReady", async () => lifecycle.start());
  app.addHook("onClose", async () => {
    await lifecycle.stop();
    lifecycle.transport.close();
  });
  const auth = createAuth({ db, config, clock, secret: deps.authSecret, log: app.log });
  const keys = createKeyVerifier(db, clock);
  const requestLimit = createApiKeyRequestLimit(db, clock, config.apiKeyRequestsPerMinute);
  registerAuth(app, { auth, keys, requestLimit, db, config, clock });
  registerIdempotency(app, { db, clock, appSecret: deps.authSecret });
  registerConditionalRequests(app);
  registerCallerInLog(app);

  app.get(
    "/healthz",
    {
      schema: {
        operationId: "checkLiveness",
        tags: ["health"],
        summary: "Liveness: the process is up and serving (the database is not consulted)",
        security: [],
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );
  app.get(
    "/readyz",
    {
      schema: {
        operationId: "checkReadiness",
        tags: ["health"],
        summary:
          "Readiness, for load balancers: the database answers and has every migration; 503 while it does not or while the instance shuts down",
        security: [],
        response: {
          200: z.object({ status: z.literal("ready") }),
          503: z.object({ status: z.literal("unavailable") }),
        },
      },
    },
    async (_request, reply) =>
      (await isReady(db))
        ? reply.send({ status: "ready" as const })
        : reply
            .status(503)
            .header("retry-after", "5")
            .send({ status: "unavailable" as const }),
  );

  // Routes.
  await app.register(
    async (api) => {
      await api.register(meRoutes({ db, testClock: testClock !== undefined }));
      await api.register(catalogueRoutes({ db, clock }));
      await api.register(partnerRoutes({ db, clock, publicUrl: config.publicUrl, keys }));
      await api.register(staffRoutes({ db, clock, publicUrl: config.publicUrl }));
      await api.register(accountRoutes({ db, clock }));
      await api.register(applicationRoutes({ db, clock, notices }));
      await api.register(usageRoutes({ db, clock }));
      await api.register(apiKeyRoutes({ db, clock, keys }));
      await api.register(mailRoutes({ db }));
      await api.register(invitationRoutes({ db, clock }));
      await api.register(peopleRoutes({ db, clock, publicUrl: config.publicUrl }));
      await api.register(profileRoutes({ db, clock, auth, sessionLimits: config.sessions }));
      await api.register(securityLogRoutes({ db }));
      await api.register(
        webhookRoutes({ db, clock, allowLocalHttp: config.webhooks.allowLocalHttp }),
      );
      await api.register(eventRoutes({ db }));
      await api.register(sweepRoutes({ db, clock, lifecycle }));
      if (testClock) {
        await api.register(testClockRoutes({ clock: testClock, afterMove: lifecycle.wake }));
      }
    },
    { prefix: "/api/v1" },
  );

  const clientDir = deps.clientDir;
  const serveClient = clientDir !== undefined && existsSync(`${clientDir}/index.html`);
  if (serveClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      // The `.br` and `.gz` copies the build wrote beside each file.
      preCompressed: true,
      // The page itself is made for each visit (web-page.ts), at every address but the assets'.
      index: false,
      allowedPath: (path) => path !== "/index.html",
      cacheControl: false,
      setHeaders: (reply, path) => {
        // Built assets are named after their content: a new build has new names, so they never go
        // stale. The page that names them (index.html) is checked on every visit.
        const hashed = relative(clientDir, path).startsWith(`assets${sep}`);
        reply.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  const webPage = serveClient ? loadWebPage(clientDir) : undefined;
  app.setNotFoundHandler(async (request, reply) => {
    const isPage =
      (request.method === "GET" || request.method === "HEAD") && !request.url.startsWith("/api/");
    if (webPage && isPage) {
      const session = await sessionOfVisit(app, request);
      reply.header("cache-control", "private, no-cache").header("vary", "Cookie, Accept-Language");
      const signIn = session.state === "signed-out" ? signInFirst(request.url) : undefined;
      if (signIn) return reply.redirect(signIn, 302);
      const page = webPage({
        path: request.url,
        cookie: request.headers.cookie,
        acceptLanguage: request.headers["accept-language"],
        signedIn: session.state === "signed-in" ? session : undefined,
      });
      return reply.type("text/html; charset=utf-8").send(page);
    }
    const wrongMethod = refuseWrongMethod(request, reply);
    if (wrongMethod) return wrongMethod;
    const document = toDocument(
      "NOT_FOUND",
      `Nothing at ${request.method} ${request.url.split("?")[0]}.`,
    );
    return sendProblem(reply, document);
  });

  return app;
}
