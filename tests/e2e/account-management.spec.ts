import { expect, type Page, test } from "@playwright/test";
import { LOCALES } from "../../shared/domain/languages.ts";
import { beginsWith, escapeRegExp, language, num, t, tr } from "./language.ts";
import { choose, expectLoaded, screenshot, signIn, signOut, USERS } from "./support.ts";

/** A country by its code, named as the app names it in the project's language ("Spain", "España"). */
const country = (code: string) =>
  new Intl.DisplayNames([LOCALES[language()]], { type: "region" }).of(code) ?? code;

// Names are unique within a portfolio: a repeated run (--repeat-each) files under another one.
const runSuffix = () =>
  test.info().repeatEachIndex > 0 ? ` ${test.info().repeatEachIndex + 1}` : "";

const NEW_ACCOUNT = {
  name: "Bilbao Port Offices",
  customerName: "Autoridad Portuaria de Bilbao",
  comment: "Kick-off with the port authority on Monday; the meters are already installed.",
};

async function openAccountManagementFromUserMenu(page: Page): Promise<void> {
  await page.getByRole("button", { name: tr("User menu") }).click();
  await page.getByRole("menuitem", { name: tr("Account management") }).click();
  await expect(page.getByRole("heading", { name: tr("Account management") })).toBeVisible();
}

test("a SuperAdmin requests a new account, Customer Success approves it, and the SuperAdmin finds it active", async ({
  page,
}) => {
  const account = { ...NEW_ACCOUNT, name: `${NEW_ACCOUNT.name}${runSuffix()}` };
  // The application's summary, as the server writes it in the reader's language.
  const summary = t("application.summary.newAccount", {
    name: account.name,
    customer: account.customerName,
    licence: "Professional",
    datapoints: 250,
    months: 24,
  });
  const filed = new RegExp(escapeRegExp(summary));

  await test.step("the SuperAdmin signs in and sees the portfolio", async () => {
    await signIn(page, USERS.superAdmin);
    await expect(page.getByRole("heading", { name: tr("Your accounts") })).toBeVisible();
    await expectLoaded(page, tr("Your accounts"));
    await screenshot(page, "home");
  });

  await test.step("Account management, from the top-right user menu, shows three zones", async () => {
    await openAccountManagementFromUserMenu(page);
    await expectLoaded(page, tr("Active accounts"));
    await screenshot(page, "active-accounts");

    // The server sorts: by name on a click of the Account header, then the other way on a second.
    const active = page.getByRole("table", { name: tr("Active accounts") });
    const sortByAccount = tr("Sort by {column}", {
      column: t("accounts.field.account").toLowerCase(),
    });
    const byName = active.getByRole("button", { name: sortByAccount });
    const nameHeader = active.getByRole("columnheader", { name: sortByAccount });
    await byName.click();
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await byName.click();
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");

    await page.getByRole("tab", { name: beginsWith("Expired accounts") }).click();
    await expectLoaded(page, tr("Expired accounts"));
    await screenshot(page, "expired-accounts");
  });

  await test.step("the SuperAdmin fills every field of the create form and sends it", async () => {
    await page.getByRole("link", { name: tr("Create a new account") }).click();
    await expect(page.getByRole("heading", { name: tr("Create a new account") })).toBeVisible();

    await page.getByLabel(tr("Account name")).fill(account.name);
    await page.getByLabel(tr("Customer name")).fill(account.customerName);
    await choose(page, tr("Country"), country("ES"));
    await choose(page, tr("Sector"), "Logistics");
    await choose(page, tr("Licence"), "Professional");
    await page.getByLabel(tr("Datapoints")).fill("250");
    await page.getByLabel(tr("Period (months)")).fill("24");
    await choose(page, tr("Bill Management licence type"), "Bill Management Advanced");
    await page.getByLabel(tr("Real-time meters (RtM)")).fill("6");
    await page.getByLabel(tr("Additional pods")).fill("3");
    await page.getByLabel(tr("SMS credits")).fill("500");
    await page.getByLabel(tr("RTC lines")).fill("4");
    await page.getByLabel(tr("E-mail domain")).fill("mail.bilbaoport.example");
    await page.getByRole("textbox", { name: tr("Comment") }).fill(account.comment);
    await screenshot(page, "create-account");

    await page.getByRole("button", { name: tr("Create a new account") }).click();
    await expect(page.getByText(tr("Application sent"))).toBeVisible();
  });

  await test.step("the application waits in the Applications zone", async () => {
    await expect(page.getByRole("tab", { name: beginsWith("Applications") })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expectLoaded(page, tr("Applications"));
    const row = page
      .getByRole("table", { name: tr("Applications") })
      .getByRole("row", { name: filed });
    await expect(row).toContainText(tr("Pending"));
    await expect(row).toContainText(
      `Professional · ${tr("{count, number} DP", { count: 250 })} · ${tr(
        "{count, plural, one {# month} other {# months}}",
        { count: 24 },
      )}`,
    );
    await screenshot(page, "applications");
    await signOut(page);
  });

  await test.step("Customer Success opens it from the review queue and approves it", async () => {
    await signIn(page, USERS.customerSuccess);
    await expect(page.getByRole("heading", { name: tr("Review queue") })).toBeVisible();
    await expectLoaded(page, tr("Review queue"));
    await screenshot(page, "review-queue");

    await page.getByRole("link", { name: filed }).click();
    await expect(page.getByRole("heading", { name: tr("Review application") })).toBeVisible();
    const change = page.getByRole("table", { name: tr("Requested change") });
    for (const [field, after] of [
      [tr("Account name"), account.name],
      [tr("Customer name"), account.customerName],
      [tr("Country"), tr("{name} ({code})", { name: country("ES"), code: "ES" })],
      [tr("Sector"), "Logistics"],
      [tr("Licence"), "Professional"],
      [tr("Period"), tr("{count, plural, one {# month} other {# months}}", { count: 24 })],
      [tr("Datapoints"), tr("{count, number} DP", { count: 250 })],
      [tr("Bill Management licence type"), "Bill Management Advanced"],
      [tr("Real-time meters (RtM)"), num(6)],
      [tr("Additional pods"), num(3)],
      [tr("SMS credits"), num(500)],
      [tr("RTC lines"), num(4)],
      [tr("E-mail domain"), "mail.bilbaoport.example"],
      [tr("Comment"), account.comment],
    ]) {
      const row = change.getByRole("row", { name: field, exact: false }).first();
      await expect(row).toContainText(`${field}—→${after}`);
    }
    await page
      .getByLabel(tr("Comment for the requester"))
      .fill("Approved: welcome aboard, Bilbao!");
    await screenshot(page, "review-application");

    await page.getByRole("button", { name: tr("Approve") }).click();
    await expect(page.getByText(tr("Application approved"))).toBeVisible();
    await expect(page.getByRole("heading", { name: tr("Review queue") })).toBeVisible();
    await expectLoaded(page, tr("Review queue"));
    await expect(page.getByRole("link", { name: filed })).toHaveCount(0);
    await signOut(page);
  });

  await test.step("the SuperAdmin finds the account active and the application approved", async () => {
    await signIn(page, USERS.superAdmin);
    await openAccountManagementFromUserMenu(page);
    await page.getByLabel(tr("Search active accounts")).fill(account.name);
    const active = page.getByRole("table", { name: tr("Active accounts") });
    await expect(active.getByRole("link")).toHaveCount(1);
    await expect(active.getByRole("link", { name: account.name, exact: true })).toBeVisible();

    // Zones stay mounted when hidden: look only inside the table of the zone on show.
    await page.getByRole("tab", { name: beginsWith("Applications") }).click();
    const row = page
      .getByRole("table", { name: tr("Applications") })
      .getByRole("row", { name: filed });
    await expect(row).toContainText(tr("Approved"));
    await expect(row).toContainText("Carla Soto");
    await expect(row).toContainText("Approved: welcome aboard, Bilbao!");

    await page.getByRole("tab", { name: beginsWith("Active accounts") }).click();
    await active.getByRole("link", { name: account.name, exact: true }).click();
    await expect(page.getByRole("heading", { name: account.name, exact: true })).toBeVisible();
    await expect(page.getByText("mail.bilbaoport.example")).toBeVisible();
    await expect(
      page.getByText(
        new RegExp(`^${escapeRegExp(t("accounts.history.created"))} · ${filed.source}`),
      ),
    ).toBeVisible();
    await screenshot(page, "account");
  });
});

test("RTC lines for an account outside Spain are refused under RTC lines, and nothing is filed", async ({
  page,
}) => {
  const name = `Lyon Logistics Hub${runSuffix()}`;
  await signIn(page, USERS.superAdmin);
  await page.getByRole("link", { name: tr("Account management") }).click();
  await page.getByRole("link", { name: tr("Create a new account") }).click();

  await page.getByLabel(tr("Account name")).fill(name);
  await page.getByLabel(tr("Customer name")).fill("Transports Rhône");
  await choose(page, tr("Country"), country("FR"));
  await choose(page, tr("Sector"), "Logistics");
  await choose(page, tr("Licence"), "Starter");
  await page.getByLabel(tr("Datapoints")).fill("120");
  await page.getByLabel(tr("RTC lines")).fill("2");
  await page.getByRole("button", { name: tr("Create a new account") }).click();

  const rtcLines = page.getByLabel(tr("RTC lines"));
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
  await page.getByLabel(tr("Account name")).fill(existing.name);
  await page.getByLabel(tr("Customer name")).fill("Another customer");
  await choose(page, tr("Sector"), "Offices");
  await choose(page, tr("Licence"), "Starter");
  await page.getByRole("button", { name: tr("Create a new account") }).click();

  const accountName = page.getByLabel(tr("Account name"));
  await expect(accountName).toHaveAccessibleDescription(/already used in your portfolio/);
  await expect(page.getByText("Account name already in use")).toBeVisible();
  await expect(page).toHaveURL(/\/account-management\/new$/);
});

test("a SuperAdmin sets an account's billing contact on the account page, without an application", async ({
  page,
}) => {
  await signIn(page, USERS.superAdmin);
  await page
    .getByRole("table", { name: tr("Your accounts") })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByText(tr("Billing contact"), { exact: true })).toBeVisible();

  await page.getByRole("button", { name: tr("Edit billing contact") }).click();
  const dialog = page.getByRole("dialog", { name: tr("Billing contact") });
  await dialog.getByLabel(tr("E-mail")).fill("not an address");
  await dialog.getByRole("button", { name: tr("Save") }).click();
  await expect(dialog.getByLabel(tr("E-mail"))).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel(tr("E-mail")).fill("Facturas@Customer.example");
  await dialog.getByRole("button", { name: tr("Save") }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("facturas@customer.example")).toBeVisible();
});
