import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe.ts";
import { beginsWith, tr } from "./language.ts";
import { apiSession, expectLoaded, signIn, USERS } from "./support.ts";

test("a keyboard user's first Tab offers to skip to the page's content, which then has the focus", async ({
  page,
}) => {
  await signIn(page, USERS.superAdmin);
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: tr("Users"), level: 1 })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: tr("Skip to content") });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

test("every signed-in screen has exactly one level-one heading, its title", async ({ page }) => {
  await signIn(page, USERS.customerSuccess);
  for (const [path, title] of [
    ["/review", tr("Review queue")],
    ["/staff/partners", tr("Partners")],
    ["/staff/catalogue", tr("Licence catalogue")],
    ["/security-log", tr("Security log")],
    ["/profile", tr("Profile")],
    ["/no-such-page", tr("Page not found")],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  }
});

test("a dialog's close button says what it does", async ({ page }) => {
  await signIn(page, USERS.superAdmin);
  await page.goto("/users");
  await page.getByRole("button", { name: tr("Invite user") }).click();
  const dialog = page.getByRole("dialog", { name: tr("Invite a user") });
  await dialog.getByRole("button", { name: tr("Close") }).click();
  await expect(dialog).toBeHidden();
});

test("a page's address answers HEAD as it answers GET", async ({ request }) => {
  const response = await request.head("/accounts/00000000-0000-4000-8000-000000000000");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/text\/html/);
});

const baseURL = () => test.info().project.use.baseURL as string;

/** The id of the first item a list of the API returns to `email`. */
async function firstId(email: string, path: string): Promise<string> {
  const session = await apiSession(baseURL(), email);
  try {
    const response = await session.get(path);
    expect(response.ok(), path).toBe(true);
    const { items } = (await response.json()) as { items: { id: string }[] };
    const id = items[0]?.id;
    if (!id) throw new Error(`${path} lists nothing`);
    return id;
  } finally {
    await session.dispose();
  }
}

/** Opens `path` and waits for its one heading and for every list on it to have loaded. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
  await expect(page.getByText(tr("Loading…"))).toHaveCount(0);
}

test.describe("every screen passes axe's WCAG 2.1 AA checks without a critical or serious finding", {
  tag: "@phone",
}, () => {
  // Each journey checks up to eleven screens and dialogs in turn: twice the time of one journey.
  test.describe.configure({ timeout: 120_000 });

  test("the pages for someone not signed in", async ({ page }) => {
    for (const path of ["/login", "/forgot-password", "/reset-password", "/invitations/unknown"]) {
      await visit(page, path);
      await expectAccessible(page, path);
    }
  });

  test("a SuperAdmin's screens and dialogs", async ({ page }) => {
    const accountId = await firstId(USERS.superAdmin, "/api/v1/accounts");
    await signIn(page, USERS.superAdmin);
    for (const path of [
      "/",
      "/account-management?zone=active",
      "/account-management?zone=expired",
      "/account-management?zone=applications",
      "/account-management/new",
      `/accounts/${accountId}`,
      "/users",
      "/api-keys",
      "/security-log",
      "/profile",
      "/no-such-page",
    ]) {
      await visit(page, path);
      await expectAccessible(page, path);
    }
    await visit(page, "/account-management?zone=active");
    await page
      .getByRole("button", { name: beginsWith("Actions for {name}") })
      .first()
      .click();
    await expectAccessible(page, "the ⋮ menu of an account");
    await page.getByRole("menuitem", { name: tr("Upgrade meters") }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectAccessible(page, "the Upgrade meters dialog");
  });

  test("Customer Success's screens", async ({ page }) => {
    const applicationId = await firstId(
      USERS.customerSuccess,
      "/api/v1/review/applications?status=pending",
    );
    const partnerId = await firstId(USERS.customerSuccess, "/api/v1/partners");
    await signIn(page, USERS.customerSuccess);
    for (const path of [
      "/review",
      `/review/${applicationId}`,
      "/review/auto-approval-rules",
      "/mailbox",
      "/staff/partners",
      `/staff/partners/${partnerId}`,
      "/staff/team",
      "/staff/catalogue",
    ]) {
      await visit(page, path);
      await expectAccessible(page, path);
    }
  });

  test("an account user's screens", async ({ page }) => {
    const accountId = await firstId(USERS.accountUser, "/api/v1/accounts");
    await signIn(page, USERS.accountUser);
    for (const path of ["/", `/accounts/${accountId}`, "/profile"]) {
      await visit(page, path);
      await expectAccessible(page, path);
    }
  });
});

test("a change form opened from an account's ⋮ menu takes the focus, and closing it gives the focus back to the ⋮ button", async ({
  page,
}) => {
  await signIn(page, USERS.superAdmin);
  await page.goto("/account-management?zone=active");
  await expectLoaded(page, tr("Active accounts"));
  const actions = page.getByRole("button", { name: beginsWith("Actions for {name}") }).first();
  await actions.click();
  await page.getByRole("menuitem", { name: tr("Edit datapoints") }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const focusInDialog = () =>
    page.evaluate(() => document.activeElement?.closest("[role='dialog']") != null);
  await expect.poll(focusInDialog).toBe(true);
  await page.keyboard.press("Tab");
  await expect.poll(focusInDialog).toBe(true);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(actions).toBeFocused();
});
