import { expect, test } from "@playwright/test";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "../../shared/domain/languages.ts";
import { language, tr } from "./language.ts";
import { DEMO_PASSWORD, USERS } from "./support.ts";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The user menu in either language: the app shows a profile's own language after signing in. */
const signedInMenu = new RegExp(
  `^(${LANGUAGES.map((inLanguage) => escapeRegExp(tr("User menu", {}, inLanguage))).join("|")})$`,
);

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
    await page.getByLabel(tr("E-mail")).fill(USERS.superAdmin);
    await page.getByLabel(tr("Password")).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: tr("Sign in") }).click();
    // Signed in once the user menu shows, in whichever language the profile says; in another
    // language than the project's, they switch it in the user menu.
    await expect(page.getByRole("button", { name: signedInMenu })).toBeVisible();
    const me = (await (await page.request.get(`${origin}/api/v1/me`)).json()) as {
      language: Language;
    };
    await expect(page.locator("html")).toHaveAttribute("lang", me.language);
    if (me.language !== language()) {
      await page.getByRole("button", { name: tr("User menu", {}, me.language) }).click();
      await page.getByRole("menuitem", { name: LANGUAGE_NAMES[language()] }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", language());
    }
    await expect(page.getByRole("button", { name: tr("User menu") })).toBeVisible();
    await expect(page.getByRole("heading", { name: tr("Your accounts") })).toBeVisible();
    expect(new URL(page.url()).hostname).toBe(host);

    await page.getByRole("button", { name: tr("User menu") }).click();
    await page.getByRole("menuitem", { name: tr("Sign out") }).click();
    await expect(page.getByRole("heading", { name: tr("Sign in") })).toBeVisible();
    await page.goto(`${origin}/`);
    await expect(page.getByRole("heading", { name: tr("Sign in") })).toBeVisible();
  });
}
