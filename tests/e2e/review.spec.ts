import { expect, test } from "@playwright/test";
import { tr } from "./language.ts";
import { signIn, USERS } from "./support.ts";

test("deciding an application that someone else decided meanwhile says it was already decided", async ({
  page,
}) => {
  await signIn(page, USERS.customerSuccess);
  const queue = await page.request.get("/api/v1/review/applications?status=pending&pageSize=1");
  const [application] = ((await queue.json()) as { items: { id: string; summary: string }[] })
    .items;
  if (!application) throw new Error("The demo has no pending application to review");

  await page.goto(`/review/${application.id}`);
  await expect(page.getByRole("heading", { name: tr("Review application") })).toBeVisible();
  await expect(page.getByText(application.summary)).toBeVisible();

  // Another reviewer rejects it in the meantime.
  const rejected = await page.request.post(`/api/v1/review/applications/${application.id}/reject`, {
    data: { comment: "Rejected from another tab" },
  });
  expect(rejected.ok()).toBe(true);

  await page.getByRole("button", { name: tr("Approve") }).click();
  // The refusal is the server's problem+json: its title and detail are English in either language.
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Application already decided");
  await expect(alert).toContainText("already rejected");
  await expect(page.getByText("Rejected from another tab")).toBeVisible();
  await expect(page.getByRole("button", { name: tr("Approve") })).toHaveCount(0);
});

test("rejecting needs a comment for the requester", async ({ page }) => {
  await signIn(page, USERS.customerSuccess);
  await page
    .getByRole("table", { name: tr("Review queue") })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { name: tr("Review application") })).toBeVisible();

  await page.getByRole("button", { name: tr("Reject") }).click();
  const comment = page.getByLabel(tr("Comment for the requester"));
  await expect(comment).toHaveAttribute("aria-invalid", "true");
  // The rule is the shared schema's: its message is English in either language.
  await expect(comment).toHaveAccessibleDescription(/Say why the application is rejected/);
  await expect(page.getByRole("heading", { name: tr("Review application") })).toBeVisible();
});

test("a double-click on Approve decides once and says the application was approved", async ({
  page,
}) => {
  await signIn(page, USERS.customerSuccess);
  const queue = await page.request.get("/api/v1/review/applications?status=pending&pageSize=1");
  const [application] = ((await queue.json()) as { items: { id: string; summary: string }[] })
    .items;
  if (!application) throw new Error("The demo has no pending application to review");
  await page.goto(`/review/${application.id}`);
  await expect(page.getByText(application.summary)).toBeVisible();

  await page.getByRole("button", { name: tr("Approve") }).dblclick();
  await expect(page.getByText(tr("Application approved"))).toBeVisible();
  await expect(page.getByRole("heading", { name: tr("Review queue") })).toBeVisible();
  await expect(page.getByText("Application already decided")).toHaveCount(0);
});

test("every change in the review queue names its account and its partner", async ({ page }) => {
  await signIn(page, USERS.customerSuccess);
  const queue = await page.request.get("/api/v1/review/applications?status=pending&pageSize=50");
  const items = (
    (await queue.json()) as {
      items: { summary: string; account: { name: string } | null; partner: { name: string } }[];
    }
  ).items;
  const change = items.find((item) => item.account !== null);
  if (!change?.account) throw new Error("The demo has no pending change of an account");

  await page.goto("/review");
  const row = page
    .getByRole("table", { name: tr("Review queue") })
    .getByRole("row")
    .filter({ hasText: change.summary })
    .filter({ hasText: change.account.name })
    .first();
  await expect(row).toContainText(tr("Account: {account}", { account: change.account.name }));
  await expect(row).toContainText(change.partner.name);
});
