import { expect, test } from "@playwright/test";
import { expectLoaded, signIn, USERS } from "./support.ts";

test("an account user sees their accounts but no Account management, on home or in the menu", async ({
  page,
}) => {
  await signIn(page, USERS.accountUser);
  await expect(page.getByRole("heading", { name: "Your accounts" })).toBeVisible();
  await expectLoaded(page, "Your accounts");
  await expect(
    page.getByRole("table", { name: "Your accounts" }).getByRole("link"),
  ).not.toHaveCount(0);
  await expect(page.getByRole("link", { name: "Account management" })).toHaveCount(0);

  await page.getByRole("button", { name: "User menu" }).click();
  await expect(page.getByRole("menuitem", { name: "Your accounts" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Account management" })).toHaveCount(0);

  await page.goto("/account-management");
  await expect(page.getByRole("heading", { name: "Not available to you" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(USERS.superAdmin);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("The e-mail or the password is not right.");
  await expect(page).toHaveURL(/\/login$/);
});

test("an unknown address shows a friendly not-found page", async ({ page }) => {
  await signIn(page, USERS.superAdmin);
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to home" }).click();
  await expect(page.getByRole("heading", { name: "Your accounts" })).toBeVisible();
});
