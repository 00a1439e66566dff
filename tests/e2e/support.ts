import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "wattfolio-demo";

export const USERS = {
  superAdmin: "ana@enerlogic.demo",
  accountUser: "luis@enerlogic.demo",
  customerSuccess: "cs@wattfolio.demo",
} as const;

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "User menu" })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

/** Picks an option of a Mantine Select; searchable ones are typed into first. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByRole("textbox", { name: label, exact: true });
  await input.click();
  if (await input.isEditable()) await input.fill(option);
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect(input).toHaveValue(option);
}

/** A list has loaded when its table shows no placeholder rows. */
export async function expectLoaded(page: Page, table: string): Promise<void> {
  await expect(page.getByRole("table", { name: table })).toHaveAttribute("aria-busy", "false");
}

/** Full-page screenshots for docs/screenshots, of the page itself: without passing notifications. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  // From the top, so the fixed header and sticky panels sit where a visitor first sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: `docs/screenshots/${name}.png`,
    fullPage: true,
    animations: "disabled",
    style: ".mantine-Notifications-root { display: none; }",
  });
}
