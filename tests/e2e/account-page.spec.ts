import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe.ts";
import { escapeRegExp, t, tr } from "./language.ts";
import { createActiveAccount, expectLoaded, signIn, signOut, USERS } from "./support.ts";

// Names are unique within a portfolio: each run files under a name of its own.
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

const baseURL = () => test.info().project.use.baseURL as string;

/** An account's row in the Active zone, found through the zone's search box. */
async function activeRow(page: Page, name: string) {
  await page.goto("/account-management?zone=active");
  await page.getByLabel(tr("Search active accounts")).fill(name);
  const table = tr("Active accounts");
  const row = page.getByRole("table", { name: table }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expectLoaded(page, table);
  return row;
}

test("a SuperAdmin requests a change from an account's page, sees it pending there and withdraws it", async ({
  page,
}) => {
  const account = await createActiveAccount(baseURL(), unique("Cambrils Marina"), 120);
  const addition = t("application.summary.addDatapoints", { datapoints: 15 });
  const pendingCard = page.getByRole("region", { name: tr("Pending applications") });
  const requestChange = page.getByRole("button", { name: tr("Request a change") });

  await signIn(page, USERS.superAdmin);
  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByRole("heading", { name: account.name, level: 1 })).toBeVisible();

  await test.step("nothing waits yet", async () => {
    await expect(pendingCard).toContainText(
      t("accounts.applications.noStatus", { status: "pending" }),
    );
  });

  await test.step("Request a change opens the same form as the row's ⋮ menu", async () => {
    await requestChange.click();
    await page.getByRole("menuitem", { name: tr("Edit datapoints") }).click();
    const dialog = page.getByRole("dialog", {
      name: new RegExp(escapeRegExp(tr("Edit datapoints"))),
    });
    await expect(dialog).toBeVisible();
    // The form has the focus, not the menu it was opened from.
    await expect(dialog.locator(":focus")).toHaveCount(1);
    await dialog.getByLabel(tr("Change in datapoints")).fill("15");
    await dialog.getByRole("button", { name: tr("Extension request") }).click();
    await expect(page.getByText(tr("Application sent"))).toBeVisible();
    await expect(dialog).toBeHidden();
    // The focus goes back to the button that opened the form.
    await expect(requestChange).toBeFocused();
  });

  await test.step("the application waits on the account's page, with who asked for it", async () => {
    const row = pendingCard.getByRole("row", { name: new RegExp(escapeRegExp(addition)) });
    await expect(row).toContainText(tr("Edit datapoints"));
    await expect(row).toContainText("Ana");
    // Axe reads the page itself, without the passing notification.
    await page.reload();
    await expect(row).toBeVisible();
    await expectAccessible(page, "account page with a pending application");
  });

  await test.step("its row in Account management says 1 pending while it waits", async () => {
    const row = await activeRow(page, account.name);
    await expect(row).toContainText(t("accounts.zones.pending", { count: 1 }));
    await page.goBack();
  });

  await test.step("Withdraw takes it back, and nothing waits any more", async () => {
    await page.goto(`/accounts/${account.id}`);
    await pendingCard
      .getByRole("button", { name: tr("Withdraw {summary}", { summary: addition }) })
      .click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: tr("Withdraw application") })
      .click();
    await expect(pendingCard).toContainText(
      t("accounts.applications.noStatus", { status: "pending" }),
    );
    const row = await activeRow(page, account.name);
    await expect(row).not.toContainText(t("accounts.zones.pending", { count: 1 }));
  });
});

test("an account user sees no Request a change and no pending applications on an account's page", async ({
  page,
}) => {
  await signIn(page, USERS.accountUser);
  await page
    .getByRole("link", { name: /./ })
    .and(page.locator('a[href^="/accounts/"]'))
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: tr("Term") })).toBeVisible();
  await expect(page.getByRole("button", { name: tr("Request a change") })).toHaveCount(0);
  await expect(page.getByRole("region", { name: tr("Pending applications") })).toHaveCount(0);
  await signOut(page);
});

test("an expired account's page says Expired once at its title and once in its term", async ({
  page,
}) => {
  await signIn(page, USERS.superAdmin);
  await page.goto("/account-management?zone=expired");
  const table = tr("Expired accounts");
  await expectLoaded(page, table);
  await page.getByRole("table", { name: table }).locator('a[href^="/accounts/"]').first().click();
  const term = page.getByRole("region", { name: tr("Term") });
  await expect(term).toBeVisible();
  const expired = t("app.status.expired");
  await expect(term.getByText(expired, { exact: true })).toHaveCount(1);
  await expect(page.getByRole("main").getByText(expired, { exact: true })).toHaveCount(2);
});
