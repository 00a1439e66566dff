/**
 * An operator's installation, from an empty database without the demo: the command line invites
 * the first Customer Success user (playwright.config.ts runs `npm run admin -- create-staff` before
 * this instance starts), and everything else happens in the product, e-mails included.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { LANGUAGE_NAMES, LOCALES } from "../../shared/domain/languages.ts";
import { escapeRegExp, language, t, tr } from "./language.ts";
import { choose, expectLoaded, screenshot, signInOnThePage, signOut } from "./support.ts";

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

/** A country as the pickers name it, in the project's language. */
const countryName = (code: string) =>
  new Intl.DisplayNames([LOCALES[language()]], { type: "region" }).of(code) ?? code;

async function openFromUserMenu(page: Page, item: string): Promise<void> {
  await page.getByRole("button", { name: tr("User menu") }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

async function acceptInvitation(page: Page, link: string, screenshotName?: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel(tr("Password"), { exact: true }).fill(PASSWORD);
  await page.getByLabel(tr("Password again")).fill(PASSWORD);
  if (screenshotName) await screenshot(page, screenshotName);
  await page.getByRole("button", { name: tr("Accept and choose this password") }).click();
  await expect(page.getByRole("heading", { name: tr("Sign in") })).toBeVisible();
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
    await signInOnThePage(page, OPERATOR.email, { password: PASSWORD });
    await page.goto("/mailbox");
    const mailbox = page.getByRole("table", { name: tr("Mailbox") });
    let link: string | undefined;
    // The dispatcher delivers within seconds on this instance (SWEEP_INTERVAL_SECONDS); until it
    // has, the newest mail to the recipient is an earlier one (an invitation before a reset).
    await expect(async () => {
      await page.reload();
      await page.getByRole("textbox", { name: tr("Search the mailbox") }).fill(recipient);
      await expectLoaded(page, tr("Mailbox"));
      // The first row to the recipient: the search box's filter may not have applied yet.
      const newest = mailbox.getByRole("row").filter({ hasText: recipient }).first();
      await newest.getByRole("button").first().click({ timeout: 1_000 });
      const message = page.getByRole("article", { name: tr("Message") });
      await message.getByRole("tab", { name: tr("Plain text") }).click({ timeout: 1_000 });
      // Every mail the test waits for carries a link; the body is shown once it is.
      await expect(message.getByRole("tabpanel")).toContainText("://", { timeout: 2_000 });
      const text = (await message.getByRole("tabpanel").textContent()) ?? "";
      link = text.match(new RegExp(`https?://\\S+${linkPath.source}\\S*`))?.[0];
      expect(link, `a ${linkPath} link in the newest mail to ${recipient}:\n${text}`).toBeTruthy();
    }).toPass({ timeout: 30_000 });
    return link as string;
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
    await signInOnThePage(page, OPERATOR.email, { password: PASSWORD });
    await expect(page.getByText(OPERATOR.name).first()).toBeVisible();
  });

  await test.step("Customer Success adds a licence and a sector to the empty catalogue", async () => {
    await openFromUserMenu(page, tr("Licence catalogue"));
    await expect(page.getByRole("heading", { name: tr("Licence catalogue") })).toBeVisible();
    await page.getByRole("button", { name: tr("Add licence") }).click();
    const licence = page.getByRole("dialog", { name: tr("Add a licence") });
    await licence.getByLabel(tr("Name")).fill("Energy Pro");
    await licence.getByLabel(tr("Description")).fill("Analytics, alerts and reports");
    await licence.getByRole("button", { name: tr("Add licence") }).click();
    await expect(page.getByRole("table", { name: tr("Licences") })).toContainText("Energy Pro");

    await page.getByRole("button", { name: tr("Add sector") }).click();
    const sector = page.getByRole("dialog", { name: tr("Add a sector") });
    await sector.getByLabel(tr("Name")).fill("Ports and logistics");
    await sector.getByRole("button", { name: tr("Add sector") }).click();
    await expect(page.getByRole("table", { name: tr("Sectors") })).toContainText(
      "Ports and logistics",
    );
    await screenshot(page, "licence-catalogue");
  });

  await test.step("Customer Success creates the partner and invites its SuperAdmin", async () => {
    await openFromUserMenu(page, tr("Partners"));
    await page.getByRole("button", { name: tr("New partner") }).click();
    const form = page.getByRole("dialog", { name: tr("New partner") });
    await form.getByLabel(tr("Name")).fill(PARTNER);
    await choose(page, tr("Country"), countryName("PT"));
    await choose(page, tr("Time zone"), "Europe/Lisbon");
    // Its people's e-mails are in the journey's language until each chooses their own.
    await form
      .getByLabel(tr("Default language"))
      .getByText(LANGUAGE_NAMES[language()], { exact: true })
      .click();
    await form.getByRole("button", { name: tr("Create partner") }).click();
    await expect(page.getByRole("heading", { name: PARTNER })).toBeVisible();

    await page.getByRole("button", { name: tr("Invite SuperAdmin") }).click();
    const invite = page.getByRole("dialog", { name: tr("Invite a SuperAdmin") });
    await invite.getByLabel(tr("Name")).fill(SUPER_ADMIN.name);
    await invite.getByLabel(tr("E-mail address")).fill(SUPER_ADMIN.email);
    await choose(page, tr("Language of the invitation"), t(`app.languageOption.${language()}`));
    await invite.getByRole("button", { name: tr("Send invitation") }).click();
    await expect(page.getByRole("table", { name: tr("Invitations") })).toContainText(
      SUPER_ADMIN.email,
    );
    await screenshot(page, "partner");
  });

  await test.step("the SuperAdmin opens the invitation e-mail, accepts it and files a new account", async () => {
    const link = await linkFromMailbox(browser, SUPER_ADMIN.email, /\/invitations\//);
    await signOut(page);
    await acceptInvitation(page, link);
    await signInOnThePage(page, SUPER_ADMIN.email, { password: PASSWORD });

    await openFromUserMenu(page, tr("Account management"));
    await page.getByRole("link", { name: tr("Create a new account") }).click();
    await page.getByLabel(tr("Account name")).fill(ACCOUNT);
    await page.getByLabel(tr("Customer name")).fill("Porto de Lisboa");
    await choose(page, tr("Country"), countryName("PT"));
    await choose(page, tr("Sector"), "Ports and logistics");
    await choose(page, tr("Licence"), "Energy Pro");
    await page.getByLabel(tr("Datapoints")).fill("120");
    await page.getByRole("button", { name: tr("Create a new account") }).click();
    await expect(page.getByText(tr("Application sent"))).toBeVisible();
    await signOut(page);
  });

  await test.step("Customer Success approves the application", async () => {
    await signInOnThePage(page, OPERATOR.email, { password: PASSWORD });
    await expect(page.getByRole("heading", { name: tr("Review queue") })).toBeVisible();
    await expectLoaded(page, tr("Review queue"));
    // The application's summary names the account: New account "Lisbon Harbour Offices" for …
    const newAccount = t("application.summary.newAccount", {
      name: ACCOUNT,
      customer: "\u0000",
      licence: "",
      datapoints: 0,
      months: 0,
    }).split("\u0000")[0] as string;
    await page.getByRole("link", { name: new RegExp(escapeRegExp(newAccount)) }).click();
    await page.getByRole("button", { name: tr("Approve") }).click();
    await page
      .getByRole("dialog", { name: tr("Approve this application?") })
      .getByRole("button", { name: tr("Approve") })
      .click();
    await expect(page.getByText(tr("Application approved"))).toBeVisible();
    await signOut(page);
  });

  await test.step("the SuperAdmin invites a colleague, who joins as a Manager", async () => {
    await signInOnThePage(page, SUPER_ADMIN.email, { password: PASSWORD });
    await openFromUserMenu(page, tr("Users"));
    await page.getByRole("button", { name: tr("Invite user") }).click();
    const invite = page.getByRole("dialog", { name: tr("Invite a user") });
    await invite.getByLabel(tr("Name")).fill(COLLEAGUE.name);
    await invite.getByLabel(tr("E-mail address")).fill(COLLEAGUE.email);
    // Each type is offered with its meaning on the platform.
    await invite.getByRole("textbox", { name: tr("Type") }).click();
    await page
      .getByRole("option", {
        name: new RegExp(
          `^${escapeRegExp(t("userType.manager"))} ${escapeRegExp(t("userType.manager.meaning"))}`,
        ),
      })
      .click();
    await expect(invite.getByText(t("userType.manager.meaning"))).toBeVisible();
    await invite.getByRole("button", { name: tr("Send invitation") }).click();
    await expect(page.getByRole("table", { name: tr("Invitations") })).toContainText(
      COLLEAGUE.email,
    );

    const link = await linkFromMailbox(browser, COLLEAGUE.email, /\/invitations\//);
    const colleague = await browser.newContext();
    const colleaguePage = await colleague.newPage();
    await acceptInvitation(colleaguePage, link);
    await colleague.close();

    await page.reload();
    await expect(page.getByRole("table", { name: tr("Users") })).toContainText(COLLEAGUE.email);
    await screenshot(page, "users");
  });

  await test.step("the SuperAdmin gives the colleague access to the new account", async () => {
    await openFromUserMenu(page, tr("Your accounts"));
    await page.getByRole("link", { name: ACCOUNT }).click();
    await expect(page.getByRole("heading", { name: ACCOUNT })).toBeVisible();
    await choose(page, tr("Give access to"), `${COLLEAGUE.name} (${COLLEAGUE.email})`);
    await page.getByRole("button", { name: tr("Grant access") }).click();
    const card = page.getByRole("region", { name: tr("Users with access") });
    await expect(card.getByText(COLLEAGUE.email)).toBeVisible();
    await signOut(page);
  });

  await test.step("the colleague sees exactly that account", async () => {
    await signInOnThePage(page, COLLEAGUE.email, { password: PASSWORD });
    await expect(page.getByRole("heading", { name: tr("Your accounts") })).toBeVisible();
    await expect(page.getByRole("link", { name: ACCOUNT })).toBeVisible();
    await expect(page.getByRole("button", { name: tr("User menu") })).toBeVisible();
    await page.getByRole("button", { name: tr("User menu") }).click();
    await expect(page.getByRole("menuitem", { name: tr("Account management") })).toHaveCount(0);
  });
});

test("a user who forgot their password gets a link by e-mail and signs in with a new one", async ({
  page,
  browser,
}) => {
  await page.goto("/login");
  await page.getByRole("link", { name: tr("Forgot password?") }).click();
  // The sign-in page has an E-mail field too, and stays until the next page's code has loaded.
  await expect(page.getByRole("heading", { name: tr("Forgot your password?") })).toBeVisible();
  await page.getByLabel(tr("E-mail")).fill(COLLEAGUE.email);
  await screenshot(page, "forgot-password");
  await page.getByRole("button", { name: tr("Send me a link") }).click();
  await expect(page.getByRole("status")).toContainText(tr("Check your e-mail"));

  const link = await linkFromMailbox(browser, COLLEAGUE.email, /\/reset-password\?token=/);
  await page.goto(link);
  await page.getByLabel(tr("New password"), { exact: true }).fill("a brand new password");
  await page.getByLabel(tr("New password again")).fill("a brand new password");
  await page.getByRole("button", { name: tr("Save the new password") }).click();
  await expect(page.getByRole("heading", { name: tr("Sign in") })).toBeVisible();

  // The old password no longer works; the new one does.
  await page.getByLabel(tr("E-mail")).fill(COLLEAGUE.email);
  await page.getByLabel(tr("Password")).fill(PASSWORD);
  await page.getByRole("button", { name: tr("Sign in") }).click();
  // The notice that the password was saved may still be showing, and it is an alert too.
  await expect(page.getByRole("alert", { name: tr("Could not sign in") })).toBeVisible();
  await signInOnThePage(page, COLLEAGUE.email, { password: "a brand new password" });
  await expect(page.getByRole("link", { name: ACCOUNT })).toBeVisible();
});
