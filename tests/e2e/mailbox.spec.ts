import { expect, test } from "@playwright/test";
import { escapeRegExp, t, tr } from "./language.ts";
import { expectLoaded, signIn, USERS } from "./support.ts";

/**
 * The demo filed its applications while Customer Success read English: their notices are written
 * in English, whatever language the mailbox itself is shown in.
 */
const NOTICE_LANGUAGE = "en";
const noticeOpening = t(
  "mail.applicationFiled.subject",
  { partner: "\u0000", summary: "" },
  NOTICE_LANGUAGE,
).split("\u0000")[0] as string;
test("Customer Success reads the notice of a demo application in the mailbox, as HTML and as plain text", {
  tag: "@phone",
}, async ({ page }) => {
  await signIn(page, USERS.customerSuccess);
  await page.getByRole("button", { name: tr("User menu") }).click();
  await page.getByRole("menuitem", { name: tr("Mailbox") }).click();
  await expect(page.getByRole("heading", { name: tr("Mailbox"), level: 1 })).toBeVisible();

  // The demo files applications; each told Customer Success by e-mail.
  await page.getByRole("textbox", { name: tr("Search the mailbox") }).fill(noticeOpening.trim());
  const mailbox = page.getByRole("table", { name: tr("Mailbox") });
  await expectLoaded(page, tr("Mailbox"));
  const notice = mailbox
    .getByRole("button", { name: new RegExp(`^${escapeRegExp(noticeOpening)}`) })
    .first();
  const subject = (await notice.textContent()) ?? "";
  await notice.click();

  const message = page.getByRole("article", { name: tr("Message") });
  await expect(message.getByRole("heading", { name: subject })).toBeVisible();
  await expect(message.getByText(/@wattfolio\.demo$/)).toBeVisible();
  const html = message.frameLocator("iframe");
  await expect(
    html.getByRole("link", {
      name: t("mail.applicationFiled.action", {}, NOTICE_LANGUAGE),
    }),
  ).toBeVisible();
  await expect(message.locator("iframe")).toHaveAttribute("sandbox", "");

  await message.getByRole("tab", { name: tr("Plain text") }).click();
  await expect(message.getByText(/\/review\/[0-9a-f-]{36}/)).toBeVisible();

  // The outbox tells how each delivery went. (On a phone the message is in a drawer: closed first.)
  const drawer = page.getByRole("dialog", { name: tr("Message") });
  if (await drawer.isVisible()) await drawer.getByRole("button", { name: tr("Close") }).click();
  await page.getByRole("tab", { name: tr("Outbox") }).click();
  await expectLoaded(page, tr("Outbox"));
  await page
    .getByLabel(tr("Filter by delivery status"))
    .getByText(tr("Sent"), { exact: true })
    .click();
  await expect(page.getByRole("radio", { name: tr("Sent") })).toBeChecked();
  await expectLoaded(page, tr("Outbox"));
  const outbox = page.getByRole("table", { name: tr("Outbox") });
  await expect(outbox.getByText(tr("Sent"), { exact: true }).first()).toBeVisible();
});
