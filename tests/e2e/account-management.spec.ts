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

test("a SuperAdmin requests a new account, Customer Success approves it, and the SuperAdmin finds it active", {
  tag: "@phone",
}, async ({ page }) => {
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
    await page
      .getByRole("dialog", { name: tr("Approve this application?") })
      .getByRole("button", { name: tr("Approve") })
      .click();
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

test("the RTC field is disabled outside Spain, and choosing another country resets it to 0", async ({
  page,
}) => {
  await signIn(page, USERS.superAdmin);
  await page.getByRole("link", { name: tr("Account management") }).click();
  await page.getByRole("link", { name: tr("Create a new account") }).click();

  const rtcLines = page.getByLabel(tr("RTC lines"));
  await choose(page, tr("Country"), country("ES"));
  await rtcLines.fill("2");
  await expect(rtcLines).toBeEnabled();

  await choose(page, tr("Country"), country("FR"));
  await expect(rtcLines).toBeDisabled();
  await expect(rtcLines).toHaveValue("0");
  await expect(rtcLines).toHaveAccessibleDescription(tr("Only for accounts in Spain"));

  await choose(page, tr("Country"), country("ES"));
  await expect(rtcLines).toBeEnabled();
  await expect(rtcLines).toHaveValue("0");

  // The server keeps refusing them for anyone who goes around the form.
  const catalogue = (await (await page.request.get("/api/v1/catalogue")).json()) as {
    licences: { id: string }[];
    sectors: { code: string }[];
  };
  const refused = await page.request.post("/api/v1/account-management/applications", {
    data: {
      kind: "new_account",
      payload: {
        name: `Lyon Logistics Hub${runSuffix()}`,
        customerName: "Transports Rhône",
        country: "FR",
        sectorCode: catalogue.sectors[0]?.code,
        licenceId: catalogue.licences[0]?.id,
        periodMonths: 12,
        datapoints: 120,
        billManagementTypeId: null,
        rtmMeters: 0,
        additionalPods: 0,
        smsCredits: 0,
        rtcLines: 2,
        emailDomain: null,
        comment: "",
      },
    },
  });
  expect(refused.status()).toBe(400);
  expect(JSON.stringify(await refused.json())).toContain("payload.rtcLines");
});

test("a name already used in the portfolio is refused by the server under Account name", {
  tag: "@phone",
}, async ({ page }) => {
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
  await expect(accountName).toHaveAccessibleDescription(
    tr("This name is already used in your portfolio"),
  );
  await expect(page.getByText(tr("Account name already in use"))).toBeVisible();
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

/** GreenGrid's SuperAdmin: a partner in the United Kingdom, beside Enerlogic's in Spain. */
const GREENGRID_SUPERADMIN = "emma@greengrid.demo";

/** Accepts the browser's own "Leave site?" question and tells whether it was asked. */
function answerLeaveQuestions(page: Page): { asked: () => number } {
  let asked = 0;
  page.on("dialog", (dialog) => {
    if (dialog.type() === "beforeunload") asked += 1;
    void dialog.accept();
  });
  return { asked: () => asked };
}

test("what a SuperAdmin types in the create form is kept as a draft through a reload, and Discard clears it", async ({
  page,
}) => {
  answerLeaveQuestions(page);
  await signIn(page, USERS.superAdmin);
  await page.goto("/account-management/new");
  await expect(page.getByText(tr("Draft restored"))).toHaveCount(0);
  await page.getByLabel(tr("Account name")).fill("Gijón Harbour Warehouse");
  await page.getByLabel(tr("Customer name")).fill("Puerto de Gijón");
  await page.getByLabel(tr("Datapoints")).fill("300");

  await page.reload();
  await expect(page.getByText(tr("Draft restored"))).toBeVisible();
  await expect(page.getByLabel(tr("Account name"))).toHaveValue("Gijón Harbour Warehouse");
  await expect(page.getByLabel(tr("Customer name"))).toHaveValue("Puerto de Gijón");
  await expect(page.getByLabel(tr("Datapoints"))).toHaveValue(num(300));

  // Another person on the same browser never sees it.
  await signIn(page, GREENGRID_SUPERADMIN);
  await page.goto("/account-management/new");
  await expect(page.getByLabel(tr("Account name"))).toHaveValue("");
  await expect(page.getByText(tr("Draft restored"))).toHaveCount(0);

  await signIn(page, USERS.superAdmin);
  await page.goto("/account-management/new");
  await expect(page.getByLabel(tr("Account name"))).toHaveValue("Gijón Harbour Warehouse");
  await page.getByRole("button", { name: tr("Discard") }).click();
  await expect(page.getByText(tr("Draft restored"))).toHaveCount(0);
  await expect(page.getByLabel(tr("Account name"))).toHaveValue("");
  await expect(page.getByLabel(tr("Customer name"))).toHaveValue("");

  await page.reload();
  await expect(page.getByRole("heading", { name: tr("Create a new account") })).toBeVisible();
  await expect(page.getByLabel(tr("Account name"))).toHaveValue("");
  await expect(page.getByText(tr("Draft restored"))).toHaveCount(0);
});

test("leaving the create form with unsaved changes asks first, and leaves only when told", async ({
  page,
}) => {
  await signIn(page, USERS.superAdmin);
  await page.goto("/account-management/new");
  const leaveQuestion = page.getByRole("dialog", {
    name: tr("Leave without sending the application?"),
  });

  // Nothing typed yet: nothing to ask.
  await page.getByRole("link", { name: tr("Account management") }).click();
  await expect(page.getByRole("heading", { name: tr("Account management") })).toBeVisible();
  await expect(leaveQuestion).toHaveCount(0);

  await page.getByRole("link", { name: tr("Create a new account") }).click();
  await page.getByLabel(tr("Account name")).fill("Avilés Steel Yard");
  await page.getByRole("link", { name: tr("Account management") }).click();
  await expect(leaveQuestion).toBeVisible();
  await leaveQuestion.getByRole("button", { name: tr("Cancel") }).click();
  await expect(leaveQuestion).toBeHidden();
  await expect(page).toHaveURL(/\/account-management\/new$/);
  await expect(page.getByLabel(tr("Account name"))).toHaveValue("Avilés Steel Yard");

  // Closing or reloading the tab asks the browser's own question.
  const { asked } = answerLeaveQuestions(page);
  await page.reload();
  expect(asked()).toBe(1);
  await expect(page.getByLabel(tr("Account name"))).toHaveValue("Avilés Steel Yard");

  await page.getByRole("link", { name: tr("Account management") }).click();
  await leaveQuestion.getByRole("button", { name: tr("Leave") }).click();
  await expect(page.getByRole("heading", { name: tr("Account management") })).toBeVisible();

  // The draft is still there to come back to; discarded, the page lets go without asking.
  await page.getByRole("link", { name: tr("Create a new account") }).click();
  await page.getByRole("button", { name: tr("Discard") }).click();
  await page.getByRole("link", { name: tr("Account management") }).click();
  await expect(page.getByRole("heading", { name: tr("Account management") })).toBeVisible();
  await expect(leaveQuestion).toHaveCount(0);
});

test("a new account starts in the partner's country, and once filed leaves no draft and asks nothing", async ({
  page,
}) => {
  const name = `Leeds Warehouse ${Date.now().toString(36)}`;
  const { asked } = answerLeaveQuestions(page);
  await signIn(page, GREENGRID_SUPERADMIN);
  await page.goto("/account-management/new");

  const countryInput = page.getByRole("textbox", { name: tr("Country"), exact: true });
  await expect(countryInput).toHaveValue(country("GB"));
  await expect(page.getByLabel(tr("RTC lines"))).toBeDisabled();

  await page.getByLabel(tr("Account name")).fill(name);
  await page.getByLabel(tr("Customer name")).fill("Leeds Cold Storage");
  await choose(page, tr("Sector"), "Logistics");
  await choose(page, tr("Licence"), "Starter");
  await page.getByRole("button", { name: tr("Create a new account") }).click();
  await expect(page.getByText(tr("Application sent"))).toBeVisible();
  await expect(page).toHaveURL(/zone=applications/);
  await expect(
    page.getByRole("dialog", { name: tr("Leave without sending the application?") }),
  ).toHaveCount(0);

  await page.getByRole("link", { name: tr("Create a new account") }).click();
  await expect(page.getByLabel(tr("Account name"))).toHaveValue("");
  await expect(page.getByText(tr("Draft restored"))).toHaveCount(0);
  await page.reload();
  await expect(countryInput).toHaveValue(country("GB"));
  expect(asked()).toBe(0);
});

test("Upgrade meters, like the create form, disables RTC lines for an account outside Spain", async ({
  page,
}) => {
  await signIn(page, USERS.superAdmin);
  const listed = await page.request.get("/api/v1/account-management/accounts?pageSize=100");
  const { items } = (await listed.json()) as { items: { name: string; country: string }[] };
  const abroad = items.find((account) => account.country !== "ES");
  if (!abroad) throw new Error("The demo portfolio has no active account outside Spain");

  await page.goto("/account-management?zone=active");
  await page.getByLabel(tr("Search active accounts")).fill(abroad.name);
  await page.getByRole("button", { name: tr("Actions for {name}", { name: abroad.name }) }).click();
  await page.getByRole("menuitem", { name: tr("Upgrade meters") }).click();
  const dialog = page.getByRole("dialog", { name: new RegExp(escapeRegExp(tr("Upgrade meters"))) });
  const rtcLines = dialog.getByLabel(tr("RTC lines"));
  await expect(rtcLines).toBeDisabled();
  await expect(rtcLines).toHaveValue("0");
  await expect(rtcLines).toHaveAccessibleDescription(tr("Only for accounts in Spain"));
});
