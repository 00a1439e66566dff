import { type APIRequestContext, expect, type Page, request, test } from "@playwright/test";
import { LANGUAGE_NAMES, type Language } from "../../shared/domain/languages.ts";
import { language, tr } from "./language.ts";

export const DEMO_PASSWORD = "wattfolio-demo";

export const USERS = {
  superAdmin: "ana@enerlogic.demo",
  accountUser: "luis@enerlogic.demo",
  customerSuccess: "cs@wattfolio.demo",
} as const;

/** The user menu, in whichever language the signed-in app shows. */
export function signedInMenu(page: Page) {
  const menu = (inLanguage: Language) =>
    page.getByRole("button", { name: tr("User menu", {}, inLanguage) });
  return menu("en").or(menu("es"));
}

/**
 * Signs in on the login page (at `origin`, the project's address unless said), as a user does, then
 * shows the app in the project's language.
 */
export async function signInOnThePage(
  page: Page,
  email: string,
  { password = DEMO_PASSWORD, origin = "" }: { password?: string; origin?: string } = {},
): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.getByLabel(tr("E-mail")).fill(email);
  await page.getByLabel(tr("Password")).fill(password);
  await page.getByRole("button", { name: tr("Sign in") }).click();
  await inTheProjectsLanguage(page, origin);
}

/**
 * Signs in as a journey starts, when signing in is not what it tests: through the sign-in API with
 * the browser's cookies (the login page has journeys of its own), then opens the home page in the
 * project's language.
 */
export async function signIn(
  page: Page,
  email: string,
  { password = DEMO_PASSWORD }: { password?: string } = {},
): Promise<void> {
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  const signedIn = await page.request.post("/api/auth/sign-in/email", {
    data: { email, password },
    headers: { origin },
  });
  expect(signedIn.ok(), await signedIn.text()).toBe(true);
  await page.goto("/");
  await inTheProjectsLanguage(page, "");
}

/**
 * The app follows the signed-in user's profile: a user whose profile says another language than
 * the project's switches it in the user menu, as one would.
 */
async function inTheProjectsLanguage(page: Page, origin: string): Promise<void> {
  await expect(signedInMenu(page)).toBeVisible();
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
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: tr("User menu") }).click();
  await page.getByRole("menuitem", { name: tr("Sign out") }).click();
  await expect(page.getByRole("heading", { name: tr("Sign in") })).toBeVisible();
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

/**
 * Full-page screenshots for docs/screenshots (the Spanish phone journeys in phone-es/), of the page
 * itself: without passing notifications. CI (CI set) takes none: its clone is thrown away.
 * `fullPage: false` keeps a modal and its backdrop within the 1440×900 window it covers.
 */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  if (process.env.CI) return;
  await page.mouse.move(0, 0);
  // From the top, so the fixed header and sticky panels sit where a visitor first sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: `docs/screenshots/${language() === "es" ? "phone-es/" : ""}${name}.png`,
    fullPage,
    animations: "disabled",
    style: ".mantine-Notifications-root { display: none; }",
  });
}

/** A signed-in API session of its own, beside the page's (e.g. Customer Success while a SuperAdmin browses). */
export async function apiSession(baseURL: string, email: string): Promise<APIRequestContext> {
  const session = await request.newContext({ baseURL });
  const signedIn = await session.post("/api/auth/sign-in/email", {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(signedIn.ok()).toBe(true);
  return session;
}

/**
 * Files, as the signed-in `session`, an application for a new account of 12 months in Spain with
 * the catalogue's first licence and sector; answers its id and summary.
 */
export async function fileNewAccount(
  session: APIRequestContext,
  { name, customerName, datapoints }: { name: string; customerName: string; datapoints: number },
): Promise<{ id: string; summary: string }> {
  const catalogue = (await (await session.get("/api/v1/catalogue")).json()) as {
    licences: { id: string }[];
    sectors: { code: string }[];
  };
  const filed = await session.post("/api/v1/account-management/applications", {
    data: {
      kind: "new_account",
      payload: {
        name,
        customerName,
        country: "ES",
        licenceId: catalogue.licences[0]?.id,
        datapoints,
        billManagementTypeId: null,
        rtmMeters: 0,
        additionalPods: 0,
        periodMonths: 12,
        sectorCode: catalogue.sectors[0]?.code,
        smsCredits: 0,
        rtcLines: 0,
        emailDomain: null,
        comment: "",
      },
    },
  });
  expect(filed.ok()).toBe(true);
  return (await filed.json()) as { id: string; summary: string };
}

/**
 * A fresh active account of Enerlogic's portfolio, filed by its SuperAdmin and approved by Customer
 * Success through the API: journeys that change accounts then touch nothing another test reads.
 */
export async function createActiveAccount(
  baseURL: string,
  name: string,
  datapoints: number,
): Promise<{ id: string; name: string }> {
  const superAdmin = await apiSession(baseURL, USERS.superAdmin);
  const customerSuccess = await apiSession(baseURL, USERS.customerSuccess);
  try {
    const { id } = await fileNewAccount(superAdmin, {
      name,
      customerName: "Puerto de Tarragona",
      datapoints,
    });
    const approved = await customerSuccess.post(`/api/v1/review/applications/${id}/approve`, {
      data: {},
    });
    expect(approved.ok()).toBe(true);
    const { account } = (await approved.json()) as { account: { id: string; name: string } };
    return account;
  } finally {
    await Promise.all([superAdmin.dispose(), customerSuccess.dispose()]);
  }
}
