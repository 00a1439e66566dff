import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USERS } from "./support.ts";

/**
 * The server answers at localhost and at 127.0.0.1 alike (it logs "listening at
 * http://127.0.0.1:…"); a user who types either signs in, uses the app and signs out.
 */
for (const host of ["127.0.0.1", "localhost"]) {
  test(`a SuperAdmin signs in at http://${host}, sees the portfolio and signs out`, async ({
    page,
    baseURL,
  }) => {
    const origin = `http://${host}:${new URL(baseURL ?? "").port}`;
    await page.goto(`${origin}/login`);
    await page.getByLabel("E-mail").fill(USERS.superAdmin);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "User menu" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your accounts" })).toBeVisible();
    expect(new URL(page.url()).hostname).toBe(host);

    await page.getByRole("button", { name: "User menu" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.goto(`${origin}/`);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });
}
