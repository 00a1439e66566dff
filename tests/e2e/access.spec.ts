import { expect, test } from "@playwright/test";
import { tr } from "./language.ts";
import { expectLoaded, signIn, USERS } from "./support.ts";

test("an account user sees their accounts but no Account management, on home or in the menu", {
  tag: "@phone",
}, async ({ page }) => {
  await signIn(page, USERS.accountUser);
  await expect(page.getByRole("heading", { name: tr("Your accounts") })).toBeVisible();
  await expectLoaded(page, tr("Your accounts"));
  await expect(
    page.getByRole("table", { name: tr("Your accounts") }).getByRole("link"),
  ).not.toHaveCount(0);
  await expect(page.getByRole("link", { name: tr("Account management") })).toHaveCount(0);

  await page.getByRole("button", { name: tr("User menu") }).click();
  await expect(page.getByRole("menuitem", { name: tr("Your accounts") })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: tr("Account management") })).toHaveCount(0);

  await page.goto("/account-management");
  await expect(page.getByRole("heading", { name: tr("Not available to you") })).toBeVisible();
});

test("a wrong password is refused with a clear message", { tag: "@phone" }, async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel(tr("E-mail")).fill(USERS.superAdmin);
  await page.getByLabel(tr("Password")).fill("not-the-password");
  await page.getByRole("button", { name: tr("Sign in") }).click();
  await expect(page.getByRole("alert")).toContainText(
    tr("The e-mail or the password is not right."),
  );
  await expect(page).toHaveURL(/\/login$/);
});

test("an unknown address shows a friendly not-found page", async ({ page }) => {
  await signIn(page, USERS.superAdmin);
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { name: tr("Page not found") })).toBeVisible();
  await page.getByRole("link", { name: tr("Back to home") }).click();
  await expect(page.getByRole("heading", { name: tr("Your accounts") })).toBeVisible();
});
