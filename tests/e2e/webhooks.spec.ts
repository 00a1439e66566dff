import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expectAccessible } from "./axe.ts";
import { escapeRegExp, t, tr } from "./language.ts";
import { expectLoaded, screenshot, signIn, USERS } from "./support.ts";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on this machine, as an integrator's system would run one. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/wattfolio-events`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test("Customer Success adds a platform-wide endpoint, copies its secret, and sees a signed delivery sent and sent again", async ({
  page,
}) => {
  const receiver = await startReceiver();
  try {
    await signIn(page, USERS.customerSuccess);
    await page.getByRole("button", { name: tr("User menu") }).click();
    await page.getByRole("menuitem", { name: t("webhooks.title") }).click();
    await expect(page.getByRole("heading", { name: t("webhooks.title"), level: 1 })).toBeVisible();

    await page.getByRole("button", { name: t("webhooks.add") }).click();
    const form = page.getByRole("dialog", { name: t("webhooks.add") });
    await form.getByRole("textbox", { name: t("webhooks.url") }).fill(receiver.url);
    await form.getByRole("textbox", { name: t("webhooks.description") }).fill("Journey receiver");
    await form.getByRole("checkbox", { name: t("webhooks.event.api_key.revoked") }).check();
    await form.getByRole("button", { name: t("webhooks.create.submit") }).click();
    const shown = page.getByRole("dialog", { name: t("webhooks.created.title") });
    const secret = (await shown.getByTestId("webhook-secret").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page, "the endpoint's secret");
    await shown.getByRole("button", { name: t("webhooks.secret.done") }).click();
    const card = page.getByRole("region", { name: receiver.url });
    await expect(card.getByText(t("webhooks.status.enabled"), { exact: true })).toBeVisible();
    await expectAccessible(page, "Webhooks");
    await screenshot(page, "webhooks");

    // Edited, and paused then resumed, with the keyboard's buttons.
    await card.getByRole("button", { name: t("webhooks.action.edit") }).click();
    const edit = page.getByRole("dialog", { name: t("webhooks.edit.title") });
    await edit
      .getByRole("textbox", { name: t("webhooks.description") })
      .fill("Journey receiver (edited)");
    await edit.getByRole("button", { name: t("common.save") }).click();
    await expect(card.getByText("Journey receiver (edited)")).toBeVisible();
    await card.getByRole("button", { name: t("webhooks.action.disable") }).click();
    await expect(card.getByText(t("webhooks.status.disabled"), { exact: true })).toBeVisible();
    await card.getByRole("button", { name: t("webhooks.action.enable") }).click();
    await expect(card.getByText(t("webhooks.status.enabled"), { exact: true })).toBeVisible();

    // An event: a platform-wide API key revoked. Running the sweep wakes the deliverer at once.
    const key = await page.request.post("/api/v1/api-keys", { data: { name: "Journey key" } });
    const { key: created } = (await key.json()) as { key: { id: string } };
    expect((await page.request.post(`/api/v1/api-keys/${created.id}/revoke`)).ok()).toBe(true);
    expect((await page.request.post("/api/v1/reminders/sweep")).ok()).toBe(true);
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    const [first] = receiver.received;
    const verified = new Webhook(secret).verify(first?.body ?? "", {
      "webhook-id": String(first?.headers["webhook-id"]),
      "webhook-timestamp": String(first?.headers["webhook-timestamp"]),
      "webhook-signature": String(first?.headers["webhook-signature"]),
    }) as { type: string; data: { apiKeyId: string } };
    expect(verified).toMatchObject({ type: "api_key.revoked", data: { apiKeyId: created.id } });

    await card
      .getByRole("link", { name: t("webhooks.action.deliveriesFor", { url: receiver.url }) })
      .click();
    await expect(
      page.getByRole("heading", { name: t("webhooks.deliveries.title"), level: 1 }),
    ).toBeVisible();
    await expectLoaded(page, t("webhooks.deliveries.title"));
    const table = page.getByRole("table", { name: t("webhooks.deliveries.title") });
    await expect(
      table.getByText(t("webhooks.deliveryStatus.delivered"), { exact: true }),
    ).toBeVisible();
    await table
      .getByRole("button", {
        name: t("webhooks.deliveries.showAttempts", { count: 1 }),
      })
      .click();
    await expect(table.getByText(t("webhooks.attempt.status", { status: 204 }))).toBeVisible();
    await expectAccessible(page, "an endpoint's deliveries");
    await screenshot(page, "webhook-deliveries");

    await table
      .getByRole("button", {
        name: new RegExp(`^${escapeRegExp(t("webhooks.deliveries.redeliver"))}`),
      })
      .click();
    await expect(page.getByText(t("webhooks.deliveries.redelivered"))).toBeVisible();
    expect((await page.request.post("/api/v1/reminders/sweep")).ok()).toBe(true);
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.received[1]?.headers["webhook-id"]).toBe(first?.headers["webhook-id"]);

    // Done with it: deleted, with its log, so that later journeys' events go nowhere.
    await page.getByRole("link", { name: t("webhooks.deliveries.back") }).click();
    await card.getByRole("button", { name: t("webhooks.action.delete") }).click();
    const confirm = page.getByRole("dialog", { name: t("webhooks.delete.title") });
    await confirm.getByRole("button", { name: t("webhooks.delete.confirm") }).click();
    await expect(card).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
