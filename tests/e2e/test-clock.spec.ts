import { expect, test } from "@playwright/test";
import { expectLoaded, screenshot, signIn, USERS } from "./support.ts";

/** Expiry reminders in the mailbox, in either language. */
async function remindersInMailbox(page: import("@playwright/test").Page): Promise<number> {
  let total = 0;
  for (const q of ["Your account", "Tu cuenta"]) {
    const response = await page.request.get(
      `/api/v1/mailbox?q=${encodeURIComponent(q)}&pageSize=1`,
    );
    total += ((await response.json()) as { total: number }).total;
  }
  return total;
}

// Runs after every other journey (its own Playwright project): the clock only moves forward.
test("Customer Success moves the test clock 30 days ahead, runs the sweep and reads a reminder", async ({
  page,
}) => {
  await signIn(page, USERS.customerSuccess);
  await page.goto("/mailbox");
  await expectLoaded(page, "Mailbox");
  const before = await remindersInMailbox(page);

  const clockButton = page.getByRole("button", { name: /^Test clock: / });
  await expect(clockButton).toBeVisible();
  await clockButton.click();
  const controls = page.getByRole("dialog", { name: /^Test clock/ });
  await expect(controls.getByText("real time", { exact: true })).toBeVisible();

  // A duration that is not ISO 8601 is refused in the form, with the server's own rule.
  await controls.getByRole("textbox", { name: "Custom duration" }).fill("30 days");
  await controls.getByRole("button", { name: "Advance", exact: true }).click();
  await expect(controls.getByText(/Give an ISO 8601 duration/)).toBeVisible();
  await controls.getByRole("textbox", { name: "Custom duration" }).fill("");

  await controls.getByRole("button", { name: "Advance 30 days" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Test clock advanced" })).toBeVisible();
  await expect(controls.getByText("30 days ahead")).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Run reminder sweep now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Reminder sweep done" })).toBeVisible();

  // The reminders that came due with the move are delivered in the background, moments later.
  await expect.poll(() => remindersInMailbox(page)).toBeGreaterThan(before);
  await page.getByRole("textbox", { name: "Search the mailbox" }).fill("Your account");
  await expectLoaded(page, "Mailbox");
  const reminder = page
    .getByRole("table", { name: "Mailbox" })
    .getByRole("button", { name: /^Your account .* expires (today|in \d+ days?)/ })
    .first();
  const subject = (await reminder.textContent()) ?? "";
  await reminder.click();

  const message = page.getByRole("article", { name: "Message" });
  await expect(message.getByRole("heading", { name: subject })).toBeVisible();
  const html = message.frameLocator("iframe");
  await expect(html.getByRole("link", { name: "Renew the account" })).toBeVisible();
  await screenshot(page, "mailbox");

  await clockButton.click();
  await expect(controls.getByText("30 days ahead")).toBeVisible();
  await screenshot(page, "test-clock");
});
