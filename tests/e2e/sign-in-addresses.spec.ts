import { expect, test } from "@playwright/test";
import { tr } from "./language.ts";
import { signInOnThePage, USERS } from "./support.ts";

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
    await signInOnThePage(page, USERS.superAdmin, { origin });
    await expect(page.getByRole("heading", { name: tr("Your accounts") })).toBeVisible();
    expect(new URL(page.url()).hostname).toBe(host);

    await page.getByRole("button", { name: tr("User menu") }).click();
    await page.getByRole("menuitem", { name: tr("Sign out") }).click();
    await expect(page.getByRole("heading", { name: tr("Sign in") })).toBeVisible();
    await page.goto(`${origin}/`);
    await expect(page.getByRole("heading", { name: tr("Sign in") })).toBeVisible();
  });
}
