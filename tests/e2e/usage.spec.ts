import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import type { AccountPage } from "../../shared/api/accounts.ts";
import type { AccountUsage } from "../../shared/api/usage.ts";
import { language, t, tr } from "./language.ts";
import { expectLoaded, screenshot, signIn, USERS } from "./support.ts";

// External ids and key names stay unique when the suite runs again on the same data (--repeat-each).
const run = () => test.info().repeatEachIndex + 1;

/** Active accounts of the portfolio with the most datapoints left; `rank` picks one per journey. */
async function roomyAccount(page: Page, rank: number): Promise<{ id: string; name: string }> {
  const answer = await page.request.get(
    "/api/v1/account-management/accounts?zone=active&sort=datapointsLeft&order=desc&pageSize=5",
  );
  expect(answer.ok()).toBe(true);
  const account = ((await answer.json()) as AccountPage).items[rank];
  if (!account) throw new Error("The demo portfolio has too few active accounts");
  return account;
}

async function usageOf(page: Page, accountId: string): Promise<AccountUsage["datapoints"]> {
  const answer = await page.request.get(`/api/v1/usage/accounts/${accountId}`);
  expect(answer.ok()).toBe(true);
  return ((await answer.json()) as AccountUsage).datapoints;
}

const usageBar = (page: Page, used: number, contracted: number) =>
  page.getByRole("progressbar", {
    name: tr("Datapoints used: {used, number} of {contracted, number}", { used, contracted }),
  });

test("a SuperAdmin imports datapoints from a CSV: a faulty line is shown by number and nothing registers; the fixed file registers all", async ({
  page,
}) => {
  await signIn(page, USERS.superAdmin);
  const account = await roomyAccount(page, 0);
  const before = await usageOf(page, account.id);
  const device = `E2E import rig ${run()}`;
  const id = (n: number) => `e2e-csv-${run()}-${n}`;
  const header = "external_id,name,device_name,kind";
  const faulty = [
    header,
    `${id(1)},"Main meter, active energy",${device},meter`,
    `${id(2)},Roof temperature,,weather`,
    `${id(3)},Building total,${device},group`,
  ].join("\n");

  await test.step("the account page shows usage and the datapoints", async () => {
    await page.goto(`/accounts/${account.id}`);
    await expect(page.getByRole("heading", { name: account.name })).toBeVisible();
    await expect(page.getByRole("heading", { name: tr("Usage"), exact: true })).toBeVisible();
    await expect(usageBar(page, before.used, before.contracted)).toBeVisible();
    await expectLoaded(page, tr("Datapoints"));
  });

  await test.step("a file with an error on line 3 is refused whole, with the line named", async () => {
    await page.getByRole("button", { name: tr("Import datapoints from CSV") }).click();
    const dialog = page.getByRole("dialog", {
      name: tr("Import datapoints into {account}", { account: account.name }),
    });
    await dialog.getByLabel(tr("CSV")).fill(faulty);
    await dialog.getByRole("button", { name: tr("Import datapoints") }).click();
    const errors = dialog.getByRole("alert");
    await expect(errors).toContainText(
      tr("{count, plural, one {# error} other {# errors}} in the file: nothing was registered", {
        count: 1,
      }),
    );
    await expect(errors.getByRole("listitem")).toHaveText([
      // The column, then the rule's own words (the API's), in the user's language.
      `${tr("Line {line}:", { line: 3 })} device_name: ${tr("Enter the device name")}`,
    ]);
    await screenshot(page, "csv-import-errors", { fullPage: false });
    expect(await usageOf(page, account.id)).toEqual(before);
  });

  await test.step("the fixed file registers every line, and used and left change", async () => {
    const dialog = page.getByRole("dialog", {
      name: tr("Import datapoints into {account}", { account: account.name }),
    });
    await dialog.getByLabel(tr("CSV")).fill(faulty.replace(",,weather", `,${device},weather`));
    await dialog.getByRole("button", { name: tr("Import datapoints") }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByText(
        tr("{count, plural, one {# datapoint} other {# datapoints}} registered", { count: 3 }),
      ),
    ).toBeVisible();
    // Two billable kinds count; the group does not.
    await expect(usageBar(page, before.used + 2, before.contracted)).toBeVisible();
    expect(await usageOf(page, account.id)).toEqual({
      contracted: before.contracted,
      used: before.used + 2,
      left: before.left - 2,
    });

    await page.getByRole("textbox", { name: tr("Device") }).fill(device);
    const table = page.getByRole("table", { name: tr("Datapoints") });
    await expect(table.getByRole("row")).toHaveCount(4);
    await expect(table.getByRole("row", { name: id(1) })).toContainText(
      "Main meter, active energy",
    );
    await expect(table.getByRole("row", { name: id(3) })).toContainText(tr("Not billable"));
    await page.getByRole("button", { name: tr("Clear search") }).click();
    await expectLoaded(page, tr("Datapoints"));
    await screenshot(page, "account-datapoints");
  });
});

test("a SuperAdmin imports a semicolon file with kinds named as the app shows them, after a preview of what counts toward the contract", {
  tag: "@phone",
}, async ({ page }) => {
  await signIn(page, USERS.superAdmin);
  const account = await roomyAccount(page, 2);
  const before = await usageOf(page, account.id);
  const device = `E2E semicolon rig ${run()}`;
  const id = (n: number) => `e2e-semi-${run()}-${n}`;
  // What Spanish Excel saves: semicolons, a quoted field that holds one, kinds by their names in
  // either language, whatever the case and accents.
  const file = [
    "external_id;name;device_name;kind",
    `${id(1)};"Contador general; planta 1";${device};Contador`,
    `${id(2)};Monthly reading, boiler;${device};manual READINGS`,
    `${id(3)};Grados-día calefacción;${device};GRADOS-DIA`,
    `${id(4)};Building total;${device};Group`,
  ].join("\r\n");
  const dialog = page.getByRole("dialog", {
    name: tr("Import datapoints into {account}", { account: account.name }),
  });
  const preview = dialog.getByRole("region", { name: tr("Before you import") });

  await page.goto(`/accounts/${account.id}`);
  await expectLoaded(page, tr("Datapoints"));
  await page.getByRole("button", { name: tr("Import datapoints from CSV") }).click();

  await test.step("the template downloads with the user's separator, and reads as a file to import", async () => {
    const downloading = page.waitForEvent("download");
    await dialog.getByRole("button", { name: tr("Download a template") }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(t("usage.import.templateFile"));
    const template = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const separator = language() === "es" ? ";" : ",";
    const lines = template.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(["external_id", "name", "device_name", "kind"].join(separator));
    expect(lines[1]).toContain(`${separator}${t("app.datapointKind.meter")}`);

    await dialog.getByLabel(tr("CSV")).fill(template);
    await expect(preview.getByRole("listitem")).toHaveText([
      tr("{rows, plural, one {# datapoint} other {# datapoints}} in the file", { rows: 2 }),
      tr(
        "{billable, plural, one {# billable: counts} other {# billable: count}} toward the contract",
        { billable: 1 },
      ),
      tr(
        "{notBillable, plural, one {# not billable: never counts} other {# not billable: never count}}",
        { notBillable: 1 },
      ),
      tr("{leftAfter, number} DP left on the contract after the import (now {left, number})", {
        leftAfter: before.left - 1,
        left: before.left,
      }),
    ]);
  });

  await test.step("a semicolon file shows how many lines count toward the contract before it is sent", async () => {
    await dialog.getByLabel(tr("CSV")).fill(file);
    await expect(preview.getByRole("listitem")).toHaveText([
      tr("{rows, plural, one {# datapoint} other {# datapoints}} in the file", { rows: 4 }),
      tr(
        "{billable, plural, one {# billable: counts} other {# billable: count}} toward the contract",
        { billable: 2 },
      ),
      tr(
        "{notBillable, plural, one {# not billable: never counts} other {# not billable: never count}}",
        { notBillable: 2 },
      ),
      tr("{leftAfter, number} DP left on the contract after the import (now {left, number})", {
        leftAfter: before.left - 2,
        left: before.left,
      }),
    ]);
    await screenshot(page, "csv-import-preview", { fullPage: false });
    expect(await usageOf(page, account.id)).toEqual(before);
  });

  await test.step("the import says how many were registered and how many count", async () => {
    await dialog.getByRole("button", { name: tr("Import datapoints") }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByText(
        tr("{count, plural, one {# datapoint} other {# datapoints}} registered", { count: 4 }),
      ),
    ).toBeVisible();
    await expect(
      page.getByText(
        tr(
          "{billable, number} of {count, number} {billable, plural, one {counts} other {count}} toward the contract.",
          { billable: 2, count: 4 },
        ),
        { exact: false },
      ),
    ).toBeVisible();
    expect(await usageOf(page, account.id)).toEqual({
      contracted: before.contracted,
      used: before.used + 2,
      left: before.left - 2,
    });
    await page.getByRole("textbox", { name: tr("Device") }).fill(device);
    const table = page.getByRole("table", { name: tr("Datapoints") });
    await expect(table.getByRole("row", { name: id(1) })).toContainText(
      "Contador general; planta 1",
    );
    await expect(table.getByRole("row", { name: id(2) })).toContainText(
      t("app.datapointKind.manual_readings"),
    );
    await expect(table.getByRole("row", { name: id(3) })).toContainText(
      t("app.datapointKind.degree_days"),
    );
  });
});

test("a SuperAdmin creates an API key, sees the secret once, an integration uses it, and once revoked it is refused", async ({
  page,
  request,
}) => {
  await signIn(page, USERS.superAdmin);
  const account = await roomyAccount(page, 1);
  const keyName = `Metering gateway ${run()}`;
  const register = (secret: string, n: number) =>
    request.post(`/api/v1/usage/accounts/${account.id}/datapoints`, {
      headers: { authorization: `Bearer ${secret}`, "idempotency-key": `e2e-key-${run()}-${n}` },
      data: {
        datapoints: [
          {
            externalId: `e2e-key-${run()}-${n}`,
            name: "Gateway meter",
            deviceName: "Metering gateway",
            kind: "meter",
          },
        ],
      },
    });

  await page.getByRole("button", { name: tr("User menu") }).click();
  await page.getByRole("menuitem", { name: tr("API keys") }).click();
  await expect(page.getByRole("heading", { name: tr("API keys") })).toBeVisible();

  let secret = "";
  await test.step("the key is created for all accounts and its secret shown once", async () => {
    await page.getByRole("button", { name: tr("Create an API key") }).click();
    const dialog = page.getByRole("dialog", { name: tr("Create an API key") });
    await dialog.getByLabel(tr("Name")).fill(keyName);
    await dialog.getByLabel(tr("All accounts of the portfolio")).check();
    await dialog.getByRole("button", { name: tr("Create key") }).click();

    const shown = page.getByRole("dialog", { name: tr("API key created") });
    await expect(shown.getByText(tr("Copy the secret now"))).toBeVisible();
    await expect(shown.getByRole("button", { name: tr("Copy secret") })).toBeVisible();
    secret = (await shown.getByLabel(tr("API key secret")).textContent()) ?? "";
    expect(secret).toMatch(/^wfk_/);
    await shown.getByRole("button", { name: tr("I have copied the secret") }).click();
    await expect(shown).toBeHidden();
    // Never shown again: the list has only its first characters.
    await expect(page.getByText(secret)).toHaveCount(0);
  });

  await test.step("an integration registers a datapoint with it", async () => {
    const answer = await register(secret, 1);
    expect(answer.status()).toBe(200);
    expect((await answer.json()).registered).toHaveLength(1);

    await page.reload();
    await expectLoaded(page, tr("API keys"));
    const row = page
      .getByRole("table", { name: tr("API keys") })
      .getByRole("row", { name: keyName });
    await expect(row).toContainText(t("apiKeys.status.active"));
    await expect(row).toContainText(t("apiKeys.scope.partner"));
    await expect(row).not.toContainText(t("apiKeys.table.never"));
    await screenshot(page, "api-keys");
  });

  await test.step("revoked, the key is refused", async () => {
    const row = page
      .getByRole("table", { name: tr("API keys") })
      .getByRole("row", { name: keyName });
    await row.getByRole("button", { name: tr("Revoke {name}", { name: keyName }) }).click();
    await page
      .getByRole("dialog", { name: tr("Revoke this API key?") })
      .getByRole("button", { name: tr("Revoke key") })
      .click();
    await expect(row).toContainText(t("apiKeys.status.revoked"));
    expect((await register(secret, 2)).status()).toBe(401);
  });
});
