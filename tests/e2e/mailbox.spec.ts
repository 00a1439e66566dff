import { expect, test } from "@playwright/test";
import { expectLoaded, signIn, USERS } from "./support.ts";

test("Customer Success reads the notice of a demo application in the mailbox, as HTML and as plain text", async ({
  page,
}) => {
  await signIn(page, USERS.customerSuccess);
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Mailbox" }).click();
  await expect(page.getByRole("heading", { name: "Mailbox", level: 1 })).toBeVisible();

  // The demo files applications; each told Customer Success by e-mail.
  await page.getByRole("textbox", { name: "Search the mailbox" }).fill("New application from");
  const mailbox = page.getByRole("table", { name: "Mailbox" });
  await expectLoaded(page, "Mailbox");
  const notice = mailbox.getByRole("button", { name: /^New application from / }).first();
  const subject = (await notice.textContent()) ?? "";
  await notice.click();

  const message = page.getByRole("article", { name: "Message" });
  await expect(message.getByRole("heading", { name: subject })).toBeVisible();
  await expect(message.getByText(/@wattfolio\.demo$/)).toBeVisible();
  const html = message.frameLocator("iframe");
  await expect(html.getByRole("link", { name: "Review the application" })).toBeVisible();
  await expect(message.locator("iframe")).toHaveAttribute("sandbox", "");

  await message.getByRole("tab", { name: "Plain text" }).click();
  await expect(message.getByText(/\/review\/[0-9a-f-]{36}/)).toBeVisible();

  // The outbox tells how each delivery went.
  await page.getByRole("tab", { name: "Outbox" }).click();
  await expectLoaded(page, "Outbox");
  await page.getByLabel("Filter by delivery status").getByText("Sent", { exact: true }).click();
  await expect(page.getByRole("radio", { name: "Sent" })).toBeChecked();
  await expectLoaded(page, "Outbox");
  const outbox = page.getByRole("table", { name: "Outbox" });
  await expect(outbox.getByText("Sent", { exact: true }).first()).toBeVisible();
});
