import { expect, type Page, test } from "@playwright/test";
import { waitingFor } from "../../shared/domain/waiting.ts";
import { expectAccessible } from "./axe.ts";
import { escapeRegExp, num, t, tr } from "./language.ts";
import {
  apiSession,
  choose,
  createActiveAccount,
  expectLoaded,
  fileNewAccount,
  signIn,
  USERS,
} from "./support.ts";

const GREENGRID = { name: "GreenGrid Consulting", admin: "emma@greengrid.demo" };
const ENERLOGIC = { name: "Enerlogic Services", admin: USERS.superAdmin };
const baseURL = () => test.info().project.use.baseURL as string;
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

/** Files a new-account application as `admin` through the API; answers its id and summary. */
async function fileNewAccountAs(admin: string, name: string) {
  const session = await apiSession(baseURL(), admin);
  try {
    return await fileNewAccount(session, { name, customerName: "Triage Holdings", datapoints: 40 });
  } finally {
    await session.dispose();
  }
}

/** Enerlogic's SuperAdmin asks for `change` more datapoints on `accountId`, through the API. */
async function fileDatapoints(accountId: string, change: number) {
  const session = await apiSession(baseURL(), ENERLOGIC.admin);
  try {
    const filed = await session.post("/api/v1/account-management/applications", {
      data: { kind: "edit_datapoints", accountId, payload: { change } },
    });
    expect(filed.ok()).toBe(true);
    return (await filed.json()) as { id: string; summary: string };
  } finally {
    await session.dispose();
  }
}

/** An application as the signed-in reviewer reads it: its summary is in the reviewer's language. */
async function reviewed(page: Page, id: string) {
  const response = await page.request.get(`/api/v1/review/applications/${id}`);
  return (await response.json()) as { id: string; status: string; summary: string };
}

async function statusOf(page: Page, id: string): Promise<string> {
  return (await reviewed(page, id)).status;
}

const confirmDialog = (
  page: Page,
  title: "Approve this application?" | "Reject this application?",
) => page.getByRole("dialog", { name: tr(title) });

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
  await confirmDialog(page, "Approve this application?")
    .getByRole("button", { name: tr("Approve") })
    .click();
  // The refusal is the server's problem+json: its title is read in the reviewer's language.
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(tr("Application already decided"));
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
  // The rule is the shared schema's, read in the reviewer's language.
  await expect(comment).toHaveAccessibleDescription(
    new RegExp(escapeRegExp(tr("Say why the application is rejected"))),
  );
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

  await page.getByRole("button", { name: tr("Approve") }).click();
  await confirmDialog(page, "Approve this application?")
    .getByRole("button", { name: tr("Approve") })
    .dblclick();
  await expect(page.getByText(tr("Application approved"))).toBeVisible();
  await expect(page.getByRole("heading", { name: tr("Review queue") })).toBeVisible();
  await expect(page.getByText(tr("Application already decided"))).toHaveCount(0);
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

test("the review queue filters by partner and kind, searches, and keeps its filters in the address", {
  tag: "@phone",
}, async ({ page }) => {
  const token = unique("Triage");
  const greenFiled = await fileNewAccountAs(GREENGRID.admin, `${token} Greenhouse`);
  const blueFiled = await fileNewAccountAs(ENERLOGIC.admin, `${token} Bluewater`);
  await signIn(page, USERS.customerSuccess);
  const green = await reviewed(page, greenFiled.id);
  const blue = await reviewed(page, blueFiled.id);
  await page.goto("/review");
  const queue = page.getByRole("table", { name: tr("Review queue") });
  await expectLoaded(page, tr("Review queue"));

  await choose(page, tr("Partner"), GREENGRID.name);
  await choose(page, tr("Kind of application"), t("app.applicationKind.new_account"));
  await expect(page).toHaveURL(/partnerId=[0-9a-f-]{36}/);
  await expect(page).toHaveURL(/kind=new_account/);
  await expectLoaded(page, tr("Review queue"));
  const rows = queue.getByRole("row").filter({ has: page.getByRole("link") });
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row).toContainText(GREENGRID.name);
    await expect(row).toContainText(t("app.applicationKind.new_account"));
  }
  await expect(queue.getByRole("link", { name: green.summary })).toBeVisible();
  await expect(queue.getByRole("link", { name: blue.summary })).toHaveCount(0);

  // The search finds the partner's application by the new account's name, whatever its case.
  await page.getByLabel(tr("Search the review queue")).fill(token.toUpperCase());
  await expect(page).toHaveURL(/q=TRIAGE/);
  await expect(queue.getByRole("link")).toHaveCount(1);
  await expect(queue.getByRole("link", { name: green.summary })).toBeVisible();

  // The address keeps the triage view: reloaded, it shows the same.
  await page.reload();
  await expect(page.getByRole("textbox", { name: tr("Partner"), exact: true })).toHaveValue(
    GREENGRID.name,
  );
  await expect(page.getByLabel(tr("Search the review queue"))).toHaveValue(token.toUpperCase());
  await expect(queue.getByRole("link")).toHaveCount(1);

  // Without the partner, the other partner's application of the same search appears too.
  await page.goto(`/review?q=${encodeURIComponent(token)}`);
  await expect(queue.getByRole("link")).toHaveCount(2);
  await expect(queue.getByRole("link", { name: blue.summary })).toBeVisible();
});

test("every pending application in the review queue says how long it has waited", async ({
  page,
}) => {
  await signIn(page, USERS.customerSuccess);
  const response = await page.request.get("/api/v1/review/applications?status=pending&pageSize=50");
  const items = (
    (await response.json()) as {
      items: { id: string; summary: string; partner: { name: string }; waitingSeconds: number }[];
    }
  ).items;
  // One that will not reach its next hour or day while the test reads it.
  const steady = items.find(
    (item) => item.waitingSeconds >= 3600 && item.waitingSeconds % 3600 < 3000,
  );
  if (!steady) throw new Error("The demo has no application pending for over an hour");
  const { unit, count } = waitingFor(steady.waitingSeconds);

  await page.goto("/review");
  await expectLoaded(page, tr("Review queue"));
  const queue = page.getByRole("table", { name: tr("Review queue") });
  await expect(queue.getByRole("columnheader", { name: tr("Waiting") })).toBeVisible();
  const row = queue
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: steady.summary }) });
  await expect(row.first()).toContainText(t(`review.waiting.${unit}`, { count }));
  await expect(row.first()).toContainText(steady.partner.name);
});

test("Approve asks to confirm, showing the change before → after, and applies nothing when cancelled", {
  tag: "@phone",
}, async ({ page }) => {
  const account = await createActiveAccount(baseURL(), unique("Confirm Quay"), 100);
  const { id } = await fileDatapoints(account.id, 30);
  await signIn(page, USERS.customerSuccess);
  const filed = await reviewed(page, id);
  await page.goto(`/review/${filed.id}`);
  await expect(page.getByRole("heading", { name: tr("Review application") })).toBeVisible();

  await page.getByRole("button", { name: tr("Approve") }).click();
  const dialog = confirmDialog(page, "Approve this application?");
  await expect(dialog).toContainText(filed.summary);
  await expect(dialog).toContainText(account.name);
  const change = dialog.getByRole("table", { name: tr("Requested change") });
  await expect(change).toContainText(`${num(100)}→${num(130)}`);
  await expectAccessible(page, "the approval's confirmation");

  await dialog.getByRole("button", { name: tr("Cancel") }).click();
  await expect(dialog).toBeHidden();
  expect(await statusOf(page, filed.id)).toBe("pending");

  await page.getByRole("button", { name: tr("Approve") }).click();
  await confirmDialog(page, "Approve this application?")
    .getByRole("button", { name: tr("Approve") })
    .click();
  await expect(page.getByText(tr("Application approved"))).toBeVisible();
  expect(await statusOf(page, filed.id)).toBe("approved");
});

test("a reviewer can decide and open the queue’s next application, and is back at the queue when none is left", async ({
  page,
}) => {
  const token = unique("Next");
  const alpha = await fileNewAccountAs(ENERLOGIC.admin, `${token} Alpha`);
  const beta = await fileNewAccountAs(ENERLOGIC.admin, `${token} Beta`);
  await signIn(page, USERS.customerSuccess);
  const first = await reviewed(page, alpha.id);
  const second = await reviewed(page, beta.id);
  await page.goto(`/review?q=${encodeURIComponent(token)}`);
  const queue = page.getByRole("table", { name: tr("Review queue") });
  await expect(queue.getByRole("link")).toHaveCount(2);
  await queue.getByRole("link", { name: first.summary }).click();
  await expect(page.getByText(first.summary).first()).toBeVisible();

  await page.getByLabel(tr("Then open the next pending application")).check();
  await page.getByRole("button", { name: tr("Approve") }).click();
  await confirmDialog(page, "Approve this application?")
    .getByRole("button", { name: tr("Approve") })
    .click();
  await expect(page.getByText(tr("Application approved"))).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/review/${second.id}`));
  await expect(page.getByRole("heading", { name: tr("Review application") })).toBeVisible();
  await expect(page.getByText(second.summary).first()).toBeVisible();
  // The choice stays on while working through the queue; the comment starts empty.
  await expect(page.getByLabel(tr("Then open the next pending application"))).toBeChecked();
  await expect(page.getByLabel(tr("Comment for the requester"))).toHaveValue("");

  // Rejecting asks too, and shows the reason the requester will read.
  await page.getByLabel(tr("Comment for the requester")).fill("Duplicate of the Alpha request");
  await page.getByRole("button", { name: tr("Reject") }).click();
  const reject = confirmDialog(page, "Reject this application?");
  await expect(reject).toContainText(second.summary);
  await expect(reject).toContainText("Duplicate of the Alpha request");
  await reject.getByRole("button", { name: tr("Reject") }).click();

  await expect(page.getByText(tr("Nothing left to review"))).toBeVisible();
  await expect(page.getByRole("heading", { name: tr("Review queue") })).toBeVisible();
  await expect(page).toHaveURL(/\/review\?q=/);
  await expect(queue.getByRole("link")).toHaveCount(0);
  expect(await statusOf(page, first.id)).toBe("approved");
  expect(await statusOf(page, second.id)).toBe("rejected");
});
