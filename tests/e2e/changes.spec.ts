import { expect, type Page, test } from "@playwright/test";
import {
  apiSession,
  choose,
  createActiveAccount,
  expectLoaded,
  screenshot,
  signIn,
  signOut,
  USERS,
} from "./support.ts";

// Names are unique within a portfolio: each run and each test files under a name of its own.
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

const baseURL = () => test.info().project.use.baseURL as string;

async function openAccountManagement(page: Page, zone = "active"): Promise<void> {
  await page.goto(`/account-management?zone=${zone}`);
  await expect(page.getByRole("heading", { name: "Account management" })).toBeVisible();
}

/** The row of an account in a zone, found through the zone's search box. */
async function findRow(page: Page, zone: "Active accounts" | "Expired accounts", name: string) {
  await page.getByLabel(`Search ${zone.toLowerCase()}`).fill(name);
  const row = page.getByRole("table", { name: zone }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expectLoaded(page, zone);
  return row;
}

async function openAction(page: Page, account: string, action: string): Promise<void> {
  await page.getByRole("button", { name: `Actions for ${account}` }).click();
  await page.getByRole("menuitem", { name: action }).click();
  await expect(page.getByRole("dialog", { name: new RegExp(action) })).toBeVisible();
}

test("a SuperAdmin removes datapoints with a negative number and sees the application pending", async ({
  page,
}) => {
  const account = await createActiveAccount(baseURL(), unique("Tarragona Dock"), 120);
  await signIn(page, USERS.superAdmin);
  await openAccountManagement(page);
  await expectLoaded(page, "Active accounts");

  await test.step("the ⋮ menu of an active row offers every change and Open", async () => {
    await page
      .getByRole("button", { name: /^Actions for / })
      .first()
      .click();
    for (const item of [
      "Edit datapoints",
      "Move datapoints",
      "Edit licence",
      "Upgrade meters",
      "Buy SMS credits",
      "Renew subscription",
      "Open",
    ]) {
      await expect(page.getByRole("menuitem", { name: item })).toBeVisible();
    }
    await screenshot(page, "row-menu");
    await page.keyboard.press("Escape");
  });

  await findRow(page, "Active accounts", account.name);
  await openAction(page, account.name, "Edit datapoints");
  const dialog = page.getByRole("dialog");
  const change = dialog.getByLabel("Change in datapoints");
  const result = dialog.getByRole("region", { name: "Result" });

  await test.step("the form refuses to go below the 20 datapoints minimum, as the server would", async () => {
    await change.fill("-110");
    await change.blur();
    await expect(change).toHaveAccessibleDescription(/must keep at least 20 datapoints/);
  });

  await test.step("a removal shows the result before it is sent", async () => {
    await change.fill("-50");
    await expect(result).toContainText("120 DP → 70 DP, 0 used");
    await dialog.getByLabel("Comment").fill("The old boiler room meters were dismantled.");
    await screenshot(page, "change-form");
    await dialog.getByRole("button", { name: "Extension request" }).click();
  });

  await test.step("the application waits in the Applications zone", async () => {
    await expect(page.getByText("Application sent")).toBeVisible();
    await expect(page.getByRole("tab", { name: /Applications/ })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    const row = page
      .getByRole("table", { name: "Applications" })
      .getByRole("row", { name: new RegExp(`Remove 50 DP.*${account.name}`) });
    await expect(row).toContainText("Pending");
  });
});

test("a SuperAdmin moves datapoints from A to B, Customer Success approves, and both rows are updated", async ({
  page,
}) => {
  const from = await createActiveAccount(baseURL(), unique("Reus Warehouse"), 100);
  const to = await createActiveAccount(baseURL(), unique("Reus Offices"), 40);

  await test.step("the SuperAdmin moves 30 DP from A to B", async () => {
    await signIn(page, USERS.superAdmin);
    await openAccountManagement(page);
    await findRow(page, "Active accounts", from.name);
    await openAction(page, from.name, "Move datapoints");
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Datapoints to move").fill("30");
    await choose(page, "Receiving account", to.name);
    const result = dialog.getByRole("region", { name: "Result" });
    await expect(result).toContainText("100 DP → 70 DP, 0 used");
    await expect(result).toContainText("40 DP → 70 DP, 0 used");
    await dialog.getByRole("button", { name: "Extension request" }).click();
    await expect(page.getByText("Application sent")).toBeVisible();
    await signOut(page);
  });

  await test.step("Customer Success approves it from the review queue", async () => {
    await signIn(page, USERS.customerSuccess);
    await page.goto("/review");
    await page.getByRole("link", { name: `Move 30 DP to ${to.name}` }).click();
    await expect(page.getByRole("heading", { name: "Review application" })).toBeVisible();
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByText("Application approved")).toBeVisible();
    await signOut(page);
  });

  await test.step("the SuperAdmin sees 70 DP on both rows", async () => {
    await signIn(page, USERS.superAdmin);
    await openAccountManagement(page);
    await expect(await findRow(page, "Active accounts", from.name)).toContainText("70");
    await expect(await findRow(page, "Active accounts", to.name)).toContainText("70");
  });

  await test.step("the account page shows the move in the history", async () => {
    await findRow(page, "Active accounts", from.name);
    await page.getByRole("button", { name: `Actions for ${from.name}` }).click();
    await page.getByRole("menuitem", { name: "Open" }).click();
    await expect(page.getByRole("heading", { name: from.name })).toBeVisible();
    await expect(page.getByText(`Move 30 DP to ${to.name}`).first()).toBeVisible();
    await screenshot(page, "account-history");
  });
});

test("a SuperAdmin renews an expired account and sees it move to Active accounts", async ({
  page,
}) => {
  // An expired demo account without a pending renewal; renewals are approved on filing by default.
  const superAdmin = await apiSession(baseURL(), USERS.superAdmin);
  const expired = (await (
    await superAdmin.get("/api/v1/account-management/accounts", {
      params: { zone: "expired", sort: "endsOn", order: "asc", pageSize: 100 },
    })
  ).json()) as { items: { id: string; name: string }[] };
  const pending = (await (
    await superAdmin.get("/api/v1/account-management/applications", {
      params: { status: "pending", kind: "renew_subscription", pageSize: 100 },
    })
  ).json()) as { items: { account: { id: string } | null }[] };
  await superAdmin.dispose();
  const renewing = new Set(pending.items.map((application) => application.account?.id));
  const account = expired.items.find((item) => !renewing.has(item.id));
  if (!account) throw new Error("The demo has no expired account to renew");

  await signIn(page, USERS.superAdmin);
  await openAccountManagement(page, "expired");
  await findRow(page, "Expired accounts", account.name);
  await page.getByRole("button", { name: `Actions for ${account.name}` }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Renew subscription", "Open"]);
  await page.getByRole("menuitem", { name: "Renew subscription" }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("region", { name: "Result" })).toContainText("Ends on");
  await dialog.getByRole("button", { name: "Extension request" }).click();
  await expect(page.getByText("Approved automatically", { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Applications" })
      .getByRole("row", { name: new RegExp(account.name) })
      .first(),
  ).toContainText("Approved");

  await page.getByRole("tab", { name: /Active accounts/ }).click();
  await expect(await findRow(page, "Active accounts", account.name)).toContainText(/36[56]/);
});

test("a SuperAdmin withdraws its own pending application", async ({ page }) => {
  const account = await createActiveAccount(baseURL(), unique("Salou Hotel"), 60);
  await signIn(page, USERS.superAdmin);
  const filed = await page.request.post("/api/v1/account-management/applications", {
    data: { kind: "buy_sms_credits", accountId: account.id, payload: { credits: 300 } },
  });
  expect(filed.ok()).toBe(true);
  const { summary } = (await filed.json()) as { summary: string };

  await openAccountManagement(page, "applications");
  const row = page
    .getByRole("table", { name: "Applications" })
    .getByRole("row", { name: new RegExp(account.name) })
    .filter({ hasText: summary });
  await expect(row).toContainText("Pending");
  await row.getByRole("button", { name: `Withdraw ${summary}` }).click();
  // Clicked twice, as an impatient user does: one withdrawal, no refusal of a second.
  await page.getByRole("button", { name: "Withdraw application" }).dblclick();
  await expect(page.getByText("Application withdrawn")).toBeVisible();
  await expect(page.getByText(/already/i)).toHaveCount(0);
  await expect(row).toContainText("Withdrawn");
  await expect(row.getByRole("button", { name: /Withdraw/ })).toHaveCount(0);
});

test("Customer Success finds renewals approved on filing among the auto-approval rules", async ({
  page,
}) => {
  await signIn(page, USERS.customerSuccess);
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Auto-approval rules" }).click();
  await expect(page.getByRole("heading", { name: "Auto-approval rules" })).toBeVisible();
  await expect(
    page.getByRole("switch", { name: "Approve renew subscription on filing" }),
  ).toBeChecked();
  await expect(
    page.getByRole("switch", { name: "Approve edit datapoints on filing" }),
  ).not.toBeChecked();
});
