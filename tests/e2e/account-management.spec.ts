import { expect, type Page, test } from "@playwright/test";
import { choose, expectLoaded, screenshot, signIn, signOut, USERS } from "./support.ts";

// Names are unique within a portfolio: a repeated run (--repeat-each) files under another one.
const runSuffix = () =>
  test.info().repeatEachIndex > 0 ? ` ${test.info().repeatEachIndex + 1}` : "";

const NEW_ACCOUNT = {
  name: "Bilbao Port Offices",
  customerName: "Autoridad Portuaria de Bilbao",
  comment: "Kick-off with the port authority on Monday; the meters are already installed.",
};

async function openAccountManagementFromUserMenu(page: Page): Promise<void> {
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Account management" }).click();
  await expect(page.getByRole("heading", { name: "Account management" })).toBeVisible();
}

test("a SuperAdmin requests a new account, Customer Success approves it, and the SuperAdmin finds it active", async ({
  page,
}) => {
  const account = { ...NEW_ACCOUNT, name: `${NEW_ACCOUNT.name}${runSuffix()}` };
  const filed = new RegExp(`"${account.name}"`);

  await test.step("the SuperAdmin signs in and sees the portfolio", async () => {
    await signIn(page, USERS.superAdmin);
    await expect(page.getByRole("heading", { name: "Your accounts" })).toBeVisible();
    await expectLoaded(page, "Your accounts");
    await screenshot(page, "home");
  });

  await test.step("Account management, from the top-right user menu, shows three zones", async () => {
    await openAccountManagementFromUserMenu(page);
    await expectLoaded(page, "Active accounts");
    await screenshot(page, "active-accounts");

    // The server sorts: by name on a click of the Account header, then the other way on a second.
    const active = page.getByRole("table", { name: "Active accounts" });
    const byName = active.getByRole("button", { name: "Sort by account" });
    const nameHeader = active.getByRole("columnheader", { name: "Sort by account" });
    await byName.click();
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await byName.click();
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");

    await page.getByRole("tab", { name: /Expired accounts/ }).click();
    await expectLoaded(page, "Expired accounts");
    await screenshot(page, "expired-accounts");
  });

  await test.step("the SuperAdmin fills every field of the create form and sends it", async () => {
    await page.getByRole("link", { name: "Create a new account" }).click();
    await expect(page.getByRole("heading", { name: "Create a new account" })).toBeVisible();

    await page.getByLabel("Account name").fill(account.name);
    await page.getByLabel("Customer name").fill(account.customerName);
    await choose(page, "Country", "Spain");
    await choose(page, "Sector", "Logistics");
    await choose(page, "Licence", "Professional");
    await page.getByLabel("Datapoints").fill("250");
    await page.getByLabel("Period (months)").fill("24");
    await choose(page, "Bill Management licence type", "Bill Management Advanced");
    await page.getByLabel("Real-time meters (RtM)").fill("6");
    await page.getByLabel("Additional pods").fill("3");
    await page.getByLabel("SMS credits").fill("500");
    await page.getByLabel("RTC lines").fill("4");
    await page.getByLabel("E-mail domain").fill("mail.bilbaoport.example");
    await page.getByRole("textbox", { name: "Comment" }).fill(account.comment);
    await screenshot(page, "create-account");

    await page.getByRole("button", { name: "Create a new account" }).click();
    await expect(page.getByText("Application sent")).toBeVisible();
  });

  await test.step("the application waits in the Applications zone", async () => {
    await expect(page.getByRole("tab", { name: /Applications/ })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expectLoaded(page, "Applications");
    const row = page.getByRole("table", { name: "Applications" }).getByRole("row", { name: filed });
    await expect(row).toContainText("Pending");
    await expect(row).toContainText("Professional · 250 DP · 24 months");
    await screenshot(page, "applications");
    await signOut(page);
  });

  await test.step("Customer Success opens it from the review queue and approves it", async () => {
    await signIn(page, USERS.customerSuccess);
    await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
    await expectLoaded(page, "Review queue");
    await screenshot(page, "review-queue");

    await page.getByRole("link", { name: filed }).click();
    await expect(page.getByRole("heading", { name: "Review application" })).toBeVisible();
    const change = page.getByRole("table", { name: "Requested change" });
    for (const [field, after] of [
      ["Account name", account.name],
      ["Customer name", account.customerName],
      ["Country", "Spain (ES)"],
      ["Sector", "Logistics"],
      ["Licence", "Professional"],
      ["Period", "24 months"],
      ["Datapoints", "250 DP"],
      ["Bill Management licence type", "Bill Management Advanced"],
      ["Real-time meters (RtM)", "6"],
      ["Additional pods", "3"],
      ["SMS credits", "500"],
      ["RTC lines", "4"],
      ["E-mail domain", "mail.bilbaoport.example"],
      ["Comment", account.comment],
    ]) {
      const row = change.getByRole("row", { name: field, exact: false }).first();
      await expect(row).toContainText(`${field}—→${after}`);
    }
    await page.getByLabel("Comment for the requester").fill("Approved: welcome aboard, Bilbao!");
    await screenshot(page, "review-application");

    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByText("Application approved")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
    await expectLoaded(page, "Review queue");
    await expect(page.getByRole("link", { name: filed })).toHaveCount(0);
    await signOut(page);
  });

  await test.step("the SuperAdmin finds the account active and the application approved", async () => {
    await signIn(page, USERS.superAdmin);
    await openAccountManagementFromUserMenu(page);
    await page.getByLabel("Search active accounts").fill(account.name);
    const active = page.getByRole("table", { name: "Active accounts" });
    await expect(active.getByRole("link")).toHaveCount(1);
    await expect(active.getByRole("link", { name: account.name, exact: true })).toBeVisible();

    // Zones stay mounted when hidden: look only inside the table of the zone on show.
    await page.getByRole("tab", { name: /Applications/ }).click();
    const row = page.getByRole("table", { name: "Applications" }).getByRole("row", { name: filed });
    await expect(row).toContainText("Approved");
    await expect(row).toContainText("Carla Soto");
    await expect(row).toContainText("Approved: welcome aboard, Bilbao!");

    await page.getByRole("tab", { name: /Active accounts/ }).click();
    await active.getByRole("link", { name: account.name, exact: true }).click();
    await expect(page.getByRole("heading", { name: account.name, exact: true })).toBeVisible();
    await expect(page.getByText("mail.bilbaoport.example")).toBeVisible();
    await expect(
      page.getByText(new RegExp(`^Created · New account ${filed.source}`)),
    ).toBeVisible();
    await screenshot(page, "account");
  });
});

test("RTC lines for an account outside Spain are refused under RTC lines, and nothing is filed", async ({
  page,
}) => {
  const name = `Lyon Logistics Hub${runSuffix()}`;
  await signIn(page, USERS.superAdmin);
  await page.getByRole("link", { name: "Account management" }).click();
  await page.getByRole("link", { name: "Create a new account" }).click();

  await page.getByLabel("Account name").fill(name);
  await page.getByLabel("Customer name").fill("Transports Rhône");
  await choose(page, "Country", "France");
  await choose(page, "Sector", "Logistics");
  await choose(page, "Licence", "Starter");
  await page.getByLabel("Datapoints").fill("120");
  await page.getByLabel("RTC lines").fill("2");
  await page.getByRole("button", { name: "Create a new account" }).click();

  const rtcLines = page.getByLabel("RTC lines");
  await expect(rtcLines).toHaveAttribute("aria-invalid", "true");
  await expect(rtcLines).toHaveAccessibleDescription(
    /RTC lines are only available for accounts in Spain/,
  );
  await expect(rtcLines).toBeFocused();
  await expect(page).toHaveURL(/\/account-management\/new$/);

  const filed = await page.request.get("/api/v1/account-management/applications?pageSize=100");
  expect(filed.ok()).toBe(true);
  const { items } = (await filed.json()) as { items: { payload: { name?: string } }[] };
  expect(items.map((application) => application.payload.name)).not.toContain(name);
});

test("a name already used in the portfolio is refused by the server under Account name", async ({
  page,
}) => {
  await signIn(page, USERS.superAdmin);
  const accounts = await page.request.get("/api/v1/account-management/accounts?pageSize=1");
  const [existing] = ((await accounts.json()) as { items: { name: string }[] }).items;
  if (!existing) throw new Error("The demo portfolio has no active account");

  await page.goto("/account-management/new");
  await page.getByLabel("Account name").fill(existing.name);
  await page.getByLabel("Customer name").fill("Another customer");
  await choose(page, "Sector", "Offices");
  await choose(page, "Licence", "Starter");
  await page.getByRole("button", { name: "Create a new account" }).click();

  const accountName = page.getByLabel("Account name");
  await expect(accountName).toHaveAccessibleDescription(/already used in your portfolio/);
  await expect(page.getByText("Account name already in use")).toBeVisible();
  await expect(page).toHaveURL(/\/account-management\/new$/);
});

test("a SuperAdmin sets an account's billing contact on the account page, without an application", async ({
  page,
}) => {
  await signIn(page, USERS.superAdmin);
  await page.getByRole("table", { name: "Your accounts" }).getByRole("link").first().click();
  await expect(page.getByText("Billing contact", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Edit billing contact" }).click();
  const dialog = page.getByRole("dialog", { name: "Billing contact" });
  await dialog.getByLabel("E-mail").fill("not an address");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("E-mail").fill("Facturas@Customer.example");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("facturas@customer.example")).toBeVisible();
});
