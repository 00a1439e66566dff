/**
 * An operator's installation, from an empty database without the demo: the command line invites
 * the first Customer Success user (playwright.config.ts runs `npm run admin -- create-staff` before
 * this instance starts), and everything else happens in the product, e-mails included.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { t } from "./language.ts";
import { choose, expectLoaded, screenshot, signOut } from "./support.ts";

// The second journey resets the password of a user the first one made.
test.describe.configure({ mode: "serial" });

const PASSWORD = "a long first password";

const OPERATOR = { email: "ops@wattfolio.example", name: "Olivia Operator" };
const SUPER_ADMIN = { email: "marta@solara.example", name: "Marta Silva" };
const COLLEAGUE = { email: "joao@solara.example", name: "João Costa" };
const PARTNER = "Solara Energy";
const ACCOUNT = "Lisbon Harbour Offices";

/** The one-time link `create-staff` printed. */
function bootstrapLink(): string {
  const output = readFileSync(
    join(process.env.WATTFOLIO_E2E_EMPTY_DIR ?? "", "create-staff.txt"),
    "utf8",
  );
  const link = output.match(/https?:\/\/\S+\/invitations\/\S+/)?.[0];
  if (!link) throw new Error(`create-staff printed no link:\n${output}`);
  return link;
}

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "User menu" })).toBeVisible();
}

async function openFromUserMenu(page: Page, item: string): Promise<void> {
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

async function acceptInvitation(page: Page, link: string, screenshotName?: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Password again").fill(PASSWORD);
  if (screenshotName) await screenshot(page, screenshotName);
  await page.getByRole("button", { name: "Accept and choose this password" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

/**
 * The link of the latest e-mail to `recipient`, read in the in-app mailbox by Customer Success (a
 * second browser, signed in as the operator) in the message's plain-text version.
 */
async function linkFromMailbox(
  browser: Browser,
  recipient: string,
  linkPath: RegExp,
): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, OPERATOR.email);
    await page.goto("/mailbox");
    await page.getByRole("textbox", { name: "Search the mailbox" }).fill(recipient);
    const mailbox = page.getByRole("table", { name: "Mailbox" });
    // The dispatcher delivers within seconds on this instance (SWEEP_INTERVAL_SECONDS).
    await expect(async () => {
      await page.reload();
      await page.getByRole("textbox", { name: "Search the mailbox" }).fill(recipient);
      await expectLoaded(page, "Mailbox");
      await expect(mailbox.getByRole("button").first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await mailbox.getByRole("button").first().click();
    const message = page.getByRole("article", { name: "Message" });
    await message.getByRole("tab", { name: "Plain text" }).click();
    const text = (await message.getByRole("tabpanel").textContent()) ?? "";
    const link = text.match(new RegExp(`https?://\\S+${linkPath.source}\\S*`))?.[0];
    if (!link) throw new Error(`no ${linkPath} link in the mail to ${recipient}:\n${text}`);
    return link;
  } finally {
    await context.close();
  }
}

test("an operator starts from an empty database: Customer Success sets up a partner, its SuperAdmin joins, files an account that is approved, and gives a colleague access to it", async ({
  page,
  browser,
}) => {
  // Five people in turn, and e-mails delivered in between.
  test.setTimeout(180_000);
  await test.step("the first Customer Success user follows the link the command printed", async () => {
    await acceptInvitation(page, bootstrapLink(), "accept-invitation");
    await signIn(page, OPERATOR.email);
    await expect(page.getByText(OPERATOR.name).first()).toBeVisible();
  });

  await test.step("Customer Success adds a licence and a sector to the empty catalogue", async () => {
    await openFromUserMenu(page, "Licence catalogue");
    await expect(page.getByRole("heading", { name: "Licence catalogue" })).toBeVisible();
    await page.getByRole("button", { name: "Add licence" }).click();
    const licence = page.getByRole("dialog", { name: "Add a licence" });
    await licence.getByLabel("Name").fill("Energy Pro");
    await licence.getByLabel("Description").fill("Analytics, alerts and reports");
    await licence.getByRole("button", { name: "Add licence" }).click();
    await expect(page.getByRole("table", { name: "Licences" })).toContainText("Energy Pro");

    await page.getByRole("button", { name: "Add sector" }).click();
    const sector = page.getByRole("dialog", { name: "Add a sector" });
    await sector.getByLabel("Name").fill("Ports and logistics");
    await sector.getByRole("button", { name: "Add sector" }).click();
    await expect(page.getByRole("table", { name: "Sectors" })).toContainText("Ports and logistics");
    await screenshot(page, "licence-catalogue");
  });

  await test.step("Customer Success creates the partner and invites its SuperAdmin", async () => {
    await openFromUserMenu(page, "Partners");
    await page.getByRole("button", { name: "New partner" }).click();
    const form = page.getByRole("dialog", { name: "New partner" });
    await form.getByLabel("Name").fill(PARTNER);
    await choose(page, "Country", "Portugal");
    await choose(page, "Time zone", "Europe/Lisbon");
    await form.getByRole("button", { name: "Create partner" }).click();
    await expect(page.getByRole("heading", { name: PARTNER })).toBeVisible();

    await page.getByRole("button", { name: "Invite SuperAdmin" }).click();
    const invite = page.getByRole("dialog", { name: "Invite a SuperAdmin" });
    await invite.getByLabel("Name").fill(SUPER_ADMIN.name);
    await invite.getByLabel("E-mail address").fill(SUPER_ADMIN.email);
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("table", { name: "Invitations" })).toContainText(SUPER_ADMIN.email);
    await screenshot(page, "partner");
  });

  await test.step("the SuperAdmin opens the invitation e-mail, accepts it and files a new account", async () => {
    const link = await linkFromMailbox(browser, SUPER_ADMIN.email, /\/invitations\//);
    await signOut(page);
    await acceptInvitation(page, link);
    await signIn(page, SUPER_ADMIN.email);

    await openFromUserMenu(page, "Account management");
    await page.getByRole("link", { name: "Create a new account" }).click();
    await page.getByLabel("Account name").fill(ACCOUNT);
    await page.getByLabel("Customer name").fill("Porto de Lisboa");
    await choose(page, "Country", "Portugal");
    await choose(page, "Sector", "Ports and logistics");
    await choose(page, "Licence", "Energy Pro");
    await page.getByLabel("Datapoints").fill("120");
    await page.getByRole("button", { name: "Create a new account" }).click();
    await expect(page.getByText("Application sent")).toBeVisible();
    await signOut(page);
  });

  await test.step("Customer Success approves the application", async () => {
    await signIn(page, OPERATOR.email);
    await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
    await expectLoaded(page, "Review queue");
    await page.getByRole("link", { name: new RegExp(`"${ACCOUNT}"`) }).click();
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByText("Application approved")).toBeVisible();
    await signOut(page);
  });

  await test.step("the SuperAdmin invites a colleague, who joins as a Manager", async () => {
    await signIn(page, SUPER_ADMIN.email);
    await openFromUserMenu(page, "Users");
    await page.getByRole("button", { name: "Invite user" }).click();
    const invite = page.getByRole("dialog", { name: "Invite a user" });
    await invite.getByLabel("Name").fill(COLLEAGUE.name);
    await invite.getByLabel("E-mail address").fill(COLLEAGUE.email);
    // Each type is offered with its meaning on the platform.
    await invite.getByRole("textbox", { name: "Type" }).click();
    await page.getByRole("option", { name: /^Manager Works with the data/ }).click();
    await expect(invite.getByText(t("userType.manager.meaning"))).toBeVisible();
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("table", { name: "Invitations" })).toContainText(COLLEAGUE.email);

    const link = await linkFromMailbox(browser, COLLEAGUE.email, /\/invitations\//);
    const colleague = await browser.newContext();
    const colleaguePage = await colleague.newPage();
    await acceptInvitation(colleaguePage, link);
    await colleague.close();

    await page.reload();
    await expect(page.getByRole("table", { name: "Users" })).toContainText(COLLEAGUE.email);
    await screenshot(page, "users");
  });

  await test.step("the SuperAdmin gives the colleague access to the new account", async () => {
    await openFromUserMenu(page, "Your accounts");
    await page.getByRole("link", { name: ACCOUNT }).click();
    await expect(page.getByRole("heading", { name: ACCOUNT })).toBeVisible();
    await choose(page, "Give access to", `${COLLEAGUE.name} (${COLLEAGUE.email})`);
    await page.getByRole("button", { name: "Grant access" }).click();
    const card = page.getByRole("region", { name: "Users with access" });
    await expect(card.getByText(COLLEAGUE.email)).toBeVisible();
    await signOut(page);
  });

  await test.step("the colleague sees exactly that account", async () => {
    await signIn(page, COLLEAGUE.email);
    await expect(page.getByRole("heading", { name: "Your accounts" })).toBeVisible();
    await expect(page.getByRole("link", { name: ACCOUNT })).toBeVisible();
    await expect(page.getByRole("button", { name: "User menu" })).toBeVisible();
    await page.getByRole("button", { name: "User menu" }).click();
    await expect(page.getByRole("menuitem", { name: "Account management" })).toHaveCount(0);
  });
});

test("a user who forgot their password gets a link by e-mail and signs in with a new one", async ({
  page,
  browser,
}) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await page.getByLabel("E-mail").fill(COLLEAGUE.email);
  await screenshot(page, "forgot-password");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("Check your e-mail");

  const link = await linkFromMailbox(browser, COLLEAGUE.email, /\/reset-password\?token=/);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("a brand new password");
  await page.getByLabel("New password again").fill("a brand new password");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // The old password no longer works; the new one does.
  await page.getByLabel("E-mail").fill(COLLEAGUE.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await signIn(page, COLLEAGUE.email, "a brand new password");
  await expect(page.getByRole("link", { name: ACCOUNT })).toBeVisible();
});
