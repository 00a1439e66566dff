/**
 * A real HTTP webhook receiver in the test process (node:http on a free port). It checks every
 * delivery's signature with the `standardwebhooks` package as an integrator would, at the moment
 * the test's clock says it is, and answers as a test tells it to: 2xx, an error, or not in time.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { vi } from "vitest";
import type { Clock } from "../../shared/domain/clock.ts";

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The secrets (by index in `secretsFor`) whose signature verified. */
  verifiedWith: number[];
}

type Answer = { status: number; body?: string } | { hangMs: number };

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port><path>` */
  url(path: string): string;
  received: ReceivedWebhook[];
  /** The secrets that may have signed what comes to `path`. */
  secretsFor(path: string, secrets: string[]): void;
  /** How to answer the next deliveries to `path`, one answer each; then 200. */
  answerNext(path: string, ...answers: Answer[]): void;
  /** How to answer every delivery to `path` from now on. */
  answerAlways(path: string, answer: Answer): void;
  close(): Promise<void>;
}

/** `Webhook.verify` checks the timestamp against "now": the test's clock, not the wall's. */
function verifiesAt(secret: string, body: string, headers: IncomingHttpHeaders, now: Date) {
  vi.useFakeTimers({ toFake: ["Date"], now });
  try {
    new Webhook(secret).verify(body, {
      "webhook-id": String(headers["webhook-id"]),
      "webhook-timestamp": String(headers["webhook-timestamp"]),
      "webhook-signature": String(headers["webhook-signature"]),
    });
    return true;
  } catch {
    return false;
  } finally {
    vi.useRealTimers();
  }
}

export async function startWebhookReceiver(clock: Clock): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const secrets = new Map<string, string[]>();
  const queued = new Map<string, Answer[]>();
  const always = new Map<string, Answer>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const body = Buffer.concat(chunks).toString("utf8");
      const verifiedWith = (secrets.get(path) ?? []).flatMap((secret, index) =>
        verifiesAt(secret, body, request.headers, clock.now()) ? [index] : [],
      );
      received.push({ path, headers: request.headers, body, verifiedWith });
      const answer = queued.get(path)?.shift() ?? always.get(path) ?? { status: 200, body: "ok" };
      if ("hangMs" in answer) {
        setTimeout(() => response.writeHead(200).end("too late"), answer.hangMs).unref();
        return;
      }
      response.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    secretsFor: (path, list) => secrets.set(path, list),
    answerNext: (path, ...answers) => queued.set(path, [...(queued.get(path) ?? []), ...answers]),
    answerAlways: (path, answer) => always.set(path, answer),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
