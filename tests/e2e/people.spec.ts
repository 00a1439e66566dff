import { expect, test } from "@playwright/test";
import { escapeRegExp, tr } from "./language.ts";
import { apiSession, screenshot, signIn, USERS } from "./support.ts";

/** "N other sessions ended", however many N, in the project's language. */
const otherSessionsEnded = () =>
  new RegExp(
    [1, 2]
      .map((count) =>
        escapeRegExp(
          tr("{count, plural, one {# other session ended.} other {# other sessions ended.}}", {
            count,
          }),
        ).replace(String(count), "\\d+"),
      )
      .join("|"),
  );

test("Customer Success sees every partner, the team, and who did what in the security log", {
  tag: "@phone",
}, async ({ page }) => {
  await signIn(page, USERS.customerSuccess);
  await page.getByRole("button", { name: tr("User menu") }).click();
  await page.getByRole("menuitem", { name: tr("Partners") }).click();
  await expect(page.getByRole("heading", { name: tr("Partners") })).toBeVisible();
  await expect(page.getByRole("link", { name: "Enerlogic Services" })).toBeVisible();
  await expect(page.getByRole("link", { name: "GreenGrid Consulting" })).toBeVisible();
  await screenshot(page, "partners");

  await page.getByRole("button", { name: tr("User menu") }).click();
  await page.getByRole("menuitem", { name: tr("Customer Success team") }).click();
  await expect(page.getByRole("heading", { name: tr("Customer Success team") })).toBeVisible();
  await expect(page.getByText("cs@wattfolio.demo").first()).toBeVisible();
  await screenshot(page, "staff");

  await page.getByRole("button", { name: tr("User menu") }).click();
  await page.getByRole("menuitem", { name: tr("Security log") }).click();
  await expect(page.getByRole("heading", { name: tr("Security log") })).toBeVisible();
  const log = page.getByRole("table", { name: tr("Security log") });
  // The demo's people joined by invitation; both partners' events are here.
  await expect(log.getByText("GreenGrid Consulting").first()).toBeVisible();
  await expect(log.getByText("Enerlogic Services").first()).toBeVisible();
  await screenshot(page, "security-log");
});

test("a SuperAdmin's security log holds only their own partner's events", async ({ page }) => {
  await signIn(page, USERS.superAdmin);
  await page.getByRole("button", { name: tr("User menu") }).click();
  await page.getByRole("menuitem", { name: tr("Security log") }).click();
  const log = page.getByRole("table", { name: tr("Security log") });
  await expect(log.getByText("luis@enerlogic.demo").first()).toBeVisible();
  await expect(log.getByText(/greengrid\.demo/)).toHaveCount(0);
});

test("a user sees their sessions on their profile and signs out the others", async ({
  page,
  baseURL,
}) => {
  // The same person, signed in elsewhere too.
  const elsewhere = await apiSession(baseURL ?? "", USERS.accountUser);
  try {
    expect((await elsewhere.get("/api/v1/me")).status()).toBe(200);
    await signIn(page, USERS.accountUser);
    await page.getByRole("button", { name: tr("User menu") }).click();
    await page.getByRole("menuitem", { name: tr("Profile") }).click();
    await expect(page.getByRole("heading", { name: tr("Profile") })).toBeVisible();
    const sessions = page.getByRole("region", { name: tr("Your sessions") });
    await expect(sessions.getByText(tr("This browser"))).toBeVisible();
    await expect(sessions.getByRole("listitem")).not.toHaveCount(1);
    await screenshot(page, "profile");

    await sessions.getByRole("button", { name: tr("Sign out other sessions") }).click();
    await expect(page.getByText(otherSessionsEnded())).toBeVisible();
    await expect(sessions.getByRole("listitem")).toHaveCount(1);
    expect((await elsewhere.get("/api/v1/me")).status()).toBe(401);
  } finally {
    await elsewhere.dispose();
  }
});
