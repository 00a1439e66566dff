import { expect, type Page, test } from "@playwright/test";
import { escapeRegExp, tr } from "./language.ts";
import { apiSession, createActiveAccount, expectLoaded, signIn, USERS } from "./support.ts";

const unique = (name: string) => `${name} ${Date.now().toString(36)}`;
const baseURL = () => test.info().project.use.baseURL as string;

/** Opens "Edit datapoints" of an account from its row, and asks for `change` more datapoints. */
async function askForDatapoints(page: Page, account: string, change: number) {
  await page.goto("/account-management?zone=active");
  await page.getByLabel(tr("Search active accounts")).fill(account);
  await expectLoaded(page, tr("Active accounts"));
  await page.getByRole("button", { name: tr("Actions for {name}", { name: account }) }).click();
  await page.getByRole("menuitem", { name: tr("Edit datapoints") }).click();
  const dialog = page.getByRole("dialog", { name: new RegExp(escapeRegExp(account)) });
  await dialog.getByLabel(tr("Change in datapoints")).fill(String(change));
  return dialog;
}

/** The pending applications of the account, as Enerlogic's SuperAdmin sees them through the API. */
async function applicationsOf(accountName: string): Promise<unknown[]> {
  const session = await apiSession(baseURL(), USERS.superAdmin);
  try {
    const response = await session.get("/api/v1/account-management/applications", {
      params: { status: "pending", pageSize: 100 },
    });
    expect(response.ok()).toBe(true);
    const { items } = (await response.json()) as { items: { account: { name: string } | null }[] };
    return items.filter((item) => item.account?.name === accountName);
  } finally {
    await session.dispose();
  }
}

test("offline, a change request says it was not sent, and nothing is filed when the connection returns", async ({
  page,
  context,
}) => {
  const account = await createActiveAccount(baseURL(), unique("Offline Quay"), 100);
  await signIn(page, USERS.superAdmin);
  const dialog = await askForDatapoints(page, account.name, 10);

  await context.setOffline(true);
  await dialog.getByRole("button", { name: tr("Extension request") }).click();
  await expect(page.getByText(tr("Not sent"), { exact: true })).toBeVisible();
  await expect(dialog.getByRole("button", { name: tr("Extension request") })).toBeEnabled();
  await dialog.getByRole("button", { name: tr("Cancel") }).click();
  await context.setOffline(false);

  await page.waitForTimeout(1000);
  expect(await applicationsOf(account.name)).toEqual([]);
});

test("Cancel stops a change request still on its way, and says where it would be had it arrived", async ({
  page,
}) => {
  const account = await createActiveAccount(baseURL(), unique("Slow Wharf"), 100);
  await signIn(page, USERS.superAdmin);
  const dialog = await askForDatapoints(page, account.name, 10);

  // A slow network: the request waits in the browser before it would go out.
  await page.route("**/api/v1/account-management/applications", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    // The page aborted it meanwhile: going on with it fails.
    await route.continue().catch(() => undefined);
  });
  await dialog.getByRole("button", { name: tr("Extension request") }).click();
  await dialog.getByRole("button", { name: tr("Cancel") }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(tr("Request cancelled"))).toBeVisible();

  await page.waitForTimeout(3500);
  expect(await applicationsOf(account.name)).toEqual([]);
});
