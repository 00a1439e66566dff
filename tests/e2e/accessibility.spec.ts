import { expect, test } from "@playwright/test";
import { signIn, USERS } from "./support.ts";

test("a keyboard user's first Tab offers to skip to the page's content, which then has the focus", async ({
  page,
}) => {
  await signIn(page, USERS.superAdmin);
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

test("every signed-in screen has exactly one level-one heading, its title", async ({ page }) => {
  await signIn(page, USERS.customerSuccess);
  for (const [path, title] of [
    ["/review", "Review queue"],
    ["/staff/partners", "Partners"],
    ["/staff/catalogue", "Licence catalogue"],
    ["/security-log", "Security log"],
    ["/profile", "Profile"],
    ["/no-such-page", /not found/i],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  }
});

test("a dialog's close button says what it does", async ({ page }) => {
  await signIn(page, USERS.superAdmin);
  await page.goto("/users");
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a user" });
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

test("a page's address answers HEAD as it answers GET", async ({ request }) => {
  const response = await request.head("/accounts/00000000-0000-4000-8000-000000000000");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/text\/html/);
});
