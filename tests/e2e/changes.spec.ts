import { expect, type Page, test } from "@playwright/test";
import { beginsWith, escapeRegExp, num, t, tr } from "./language.ts";
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

/** The Result of a datapoints change, as the form previews it: "120 DP → 70 DP, 0 used". */
const datapointsResult = (before: number, after: number, used: number) =>
  `${num(before)} DP → ${num(after)} DP, ${tr("{used, number} used", { used })}`;

async function openAccountManagement(page: Page, zone = "active"): Promise<void> {
  await page.goto(`/account-management?zone=${zone}`);
  await expect(page.getByRole("heading", { name: tr("Account management") })).toBeVisible();
}

/** The words of each zone: its table and its search box. */
const ZONES = {
  active: () => ({ table: tr("Active accounts"), search: tr("Search active accounts") }),
  expired: () => ({ table: tr("Expired accounts"), search: tr("Search expired accounts") }),
};

/** The row of an account in a zone, found through the zone's search box. */
async function findRow(page: Page, zone: keyof typeof ZONES, name: string) {
  const { table, search } = ZONES[zone]();
  await page.getByLabel(search).fill(name);
  const row = page.getByRole("table", { name: table }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expectLoaded(page, table);
  return row;
}

/** Opens an action of an account's ⋮ menu; `action` is its name as the page shows it. */
async function openAction(page: Page, account: string, action: string): Promise<void> {
  await page.getByRole("button", { name: tr("Actions for {name}", { name: account }) }).click();
  await page.getByRole("menuitem", { name: action }).click();
  await expect(page.getByRole("dialog", { name: new RegExp(escapeRegExp(action)) })).toBeVisible();
}

test("a SuperAdmin removes datapoints with a negative number and sees the application pending", async ({
  page,
}) => {
  const account = await createActiveAccount(baseURL(), unique("Tarragona Dock"), 120);
  await signIn(page, USERS.superAdmin);
  await openAccountManagement(page);
  await expectLoaded(page, tr("Active accounts"));

  await test.step("the ⋮ menu of an active row offers every change and Open", async () => {
    await page
      .getByRole("button", { name: beginsWith("Actions for {name}") })
      .first()
      .click();
    for (const item of [
      tr("Edit datapoints"),
      tr("Move datapoints"),
      tr("Edit licence"),
      tr("Upgrade meters"),
      tr("Buy SMS credits"),
      tr("Renew subscription"),
      tr("Open"),
    ]) {
      await expect(page.getByRole("menuitem", { name: item })).toBeVisible();
    }
    await screenshot(page, "row-menu");
    await page.keyboard.press("Escape");
  });

  await findRow(page, "active", account.name);
  await openAction(page, account.name, tr("Edit datapoints"));
  const dialog = page.getByRole("dialog");
  const change = dialog.getByLabel(tr("Change in datapoints"));
  const result = dialog.getByRole("region", { name: tr("Result") });

  await test.step("the form refuses to go below the 20 datapoints minimum, as the server would", async () => {
    await change.fill("-110");
    await change.blur();
    // The field's description holds its hint too: the rule is part of it.
    const rule = tr(
      "{account} must keep at least {min, number} datapoints: at most {max, number} can be removed",
      { account: account.name, min: 20, max: 100 },
    );
    await expect(change).toHaveAccessibleDescription(new RegExp(escapeRegExp(rule)));
  });

  await test.step("a removal shows the result before it is sent", async () => {
    await change.fill("-50");
    await expect(result).toContainText(datapointsResult(120, 70, 0));
    await dialog.getByLabel(tr("Comment")).fill("The old boiler room meters were dismantled.");
    await screenshot(page, "change-form");
    await dialog.getByRole("button", { name: tr("Extension request") }).click();
  });

  await test.step("the application waits in the Applications zone", async () => {
    await expect(page.getByText(tr("Application sent"))).toBeVisible();
    await expect(page.getByRole("tab", { name: beginsWith("Applications") })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    const removal = t("application.summary.removeDatapoints", { datapoints: 50 });
    const row = page
      .getByRole("table", { name: tr("Applications") })
      .getByRole("row", { name: new RegExp(`${escapeRegExp(removal)}.*${account.name}`) });
    await expect(row).toContainText(tr("Pending"));
  });
});

test("a SuperAdmin moves datapoints from A to B, Customer Success approves, and both rows are updated", {
  tag: "@phone",
}, async ({ page }) => {
  const from = await createActiveAccount(baseURL(), unique("Reus Warehouse"), 100);
  const to = await createActiveAccount(baseURL(), unique("Reus Offices"), 40);
  // The move's summary, in the language of whoever reads it (each signs in in the project's).
  const move = () => t("application.summary.moveDatapoints", { datapoints: 30, target: to.name });

  await test.step("the SuperAdmin moves 30 DP from A to B", async () => {
    await signIn(page, USERS.superAdmin);
    await openAccountManagement(page);
    await findRow(page, "active", from.name);
    await openAction(page, from.name, tr("Move datapoints"));
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(tr("Datapoints to move")).fill("30");
    await choose(page, tr("Receiving account"), to.name);
    const result = dialog.getByRole("region", { name: tr("Result") });
    await expect(result).toContainText(datapointsResult(100, 70, 0));
    await expect(result).toContainText(datapointsResult(40, 70, 0));
    await dialog.getByRole("button", { name: tr("Extension request") }).click();
    await expect(page.getByText(tr("Application sent"))).toBeVisible();
    await signOut(page);
  });

  await test.step("Customer Success approves it from the review queue", async () => {
    await signIn(page, USERS.customerSuccess);
    await page.goto("/review");
    await page.getByRole("link", { name: move() }).click();
    await expect(page.getByRole("heading", { name: tr("Review application") })).toBeVisible();
    await page.getByRole("button", { name: tr("Approve") }).click();
    await page
      .getByRole("dialog", { name: tr("Approve this application?") })
      .getByRole("button", { name: tr("Approve") })
      .click();
    await expect(page.getByText(tr("Application approved"))).toBeVisible();
    await signOut(page);
  });

  await test.step("the SuperAdmin sees 70 DP on both rows", async () => {
    await signIn(page, USERS.superAdmin);
    await openAccountManagement(page);
    await expect(await findRow(page, "active", from.name)).toContainText(num(70));
    await expect(await findRow(page, "active", to.name)).toContainText(num(70));
  });

  await test.step("the account page shows the move in the history", async () => {
    await findRow(page, "active", from.name);
    await page.getByRole("button", { name: tr("Actions for {name}", { name: from.name }) }).click();
    await page.getByRole("menuitem", { name: tr("Open") }).click();
    await expect(page.getByRole("heading", { name: from.name })).toBeVisible();
    await expect(page.getByText(move()).first()).toBeVisible();
    await screenshot(page, "account-history");
  });
});

test("a SuperAdmin renews an expired account and sees it move to Active accounts", {
  tag: "@phone",
}, async ({ page }) => {
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
  await findRow(page, "expired", account.name);
  await page
    .getByRole("button", { name: tr("Actions for {name}", { name: account.name }) })
    .click();
  await expect(page.getByRole("menuitem")).toHaveText([tr("Renew subscription"), tr("Open")]);
  await page.getByRole("menuitem", { name: tr("Renew subscription") }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("region", { name: tr("Result") })).toContainText(tr("Ends on"));
  await dialog.getByRole("button", { name: tr("Extension request") }).click();
  await expect(page.getByText(tr("Approved automatically"), { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: tr("Applications") })
      .getByRole("row", { name: new RegExp(account.name) })
      .first(),
  ).toContainText(tr("Approved"));

  await page.getByRole("tab", { name: beginsWith("Active accounts") }).click();
  await expect(await findRow(page, "active", account.name)).toContainText(/36[56]/);
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
    .getByRole("table", { name: tr("Applications") })
    .getByRole("row", { name: new RegExp(account.name) })
    .filter({ hasText: summary });
  await expect(row).toContainText(tr("Pending"));
  await row.getByRole("button", { name: tr("Withdraw {summary}", { summary }) }).click();
  // Clicked twice, as an impatient user does: one withdrawal, no refusal of a second.
  await page.getByRole("button", { name: tr("Withdraw application") }).dblclick();
  await expect(page.getByText(tr("Application withdrawn"))).toBeVisible();
  // A second withdrawal would be refused as already decided.
  await expect(page.getByText(tr("Application already decided"))).toHaveCount(0);
  await expect(row).toContainText(tr("Withdrawn"));
  await expect(row.getByRole("button", { name: beginsWith("Withdraw {summary}") })).toHaveCount(0);
});

test("Customer Success finds renewals approved on filing among the auto-approval rules", async ({
  page,
}) => {
  await signIn(page, USERS.customerSuccess);
  await page.getByRole("button", { name: tr("User menu") }).click();
  await page.getByRole("menuitem", { name: tr("Auto-approval rules") }).click();
  await expect(page.getByRole("heading", { name: tr("Auto-approval rules") })).toBeVisible();
  // The switch names the kind as the table does, in lower case: "Approve renew subscription on filing".
  const onFiling = (kind: string) => tr("Approve {kind} on filing", { kind: kind.toLowerCase() });
  await expect(
    page.getByRole("switch", { name: onFiling(tr("Renew subscription")) }),
  ).toBeChecked();
  await expect(
    page.getByRole("switch", { name: onFiling(tr("Edit datapoints")) }),
  ).not.toBeChecked();
});
