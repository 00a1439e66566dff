import { expect, test } from "@playwright/test";
import type { SweepResult } from "../../shared/api/lifecycle.ts";
import { LANGUAGES, type Language, LOCALES } from "../../shared/domain/languages.ts";
import { beginsWith, escapeRegExp, language, t, tr } from "./language.ts";
import { expectLoaded, screenshot, signIn, USERS } from "./support.ts";

const ANY = "\u0000";

/** How an expiry reminder's subject opens in `inLanguage`: "Your account", "Tu cuenta". */
const reminderOpening = (inLanguage: Language) =>
  (t("mail.reminder.subjectToday", { account: ANY }, inLanguage).split(ANY)[0] as string).trim();

/**
 * The subject of an expiry reminder written in `inLanguage`, whatever its account, day count and
 * date: "Your account … expires today" or "… expires in 3 days (…)".
 */
function reminderSubject(inLanguage: Language): RegExp {
  const pattern = (text: string) =>
    escapeRegExp(text)
      .split(ANY)
      .join(".*")
      .replace(/\b(1|99)\b/, "\\d+");
  const today = t("mail.reminder.subjectToday", { account: ANY }, inLanguage);
  const [one, other] = [1, 99].map((days) =>
    t("mail.reminder.subject", { account: ANY, days, date: ANY }, inLanguage),
  ) as [string, string];
  return new RegExp(`^(${[today, one, other].map(pattern).join("|")})`);
}

/** Expiry reminders in the mailbox, in either language. */
async function remindersInMailbox(page: import("@playwright/test").Page): Promise<number> {
  let total = 0;
  for (const q of LANGUAGES.map(reminderOpening)) {
    const response = await page.request.get(
      `/api/v1/mailbox?q=${encodeURIComponent(q)}&pageSize=1`,
    );
    total += ((await response.json()) as { total: number }).total;
  }
  return total;
}

// Runs after every other journey (its own Playwright project): the clock only moves forward.
test("Customer Success moves the test clock 30 days ahead, runs the sweep and reads a reminder; a sweep run again says how many went out in the last day, and when", async ({
  page,
}) => {
  await signIn(page, USERS.customerSuccess);
  await page.goto("/mailbox");
  await expectLoaded(page, tr("Mailbox"));
  const before = await remindersInMailbox(page);

  const clockButton = page.getByRole("button", { name: beginsWith("Test clock: {time}") });
  await expect(clockButton).toBeVisible();
  await clockButton.click();
  const controls = page.getByRole("dialog", { name: beginsWith("Test clock") });
  await expect(controls.getByText(tr("real time"), { exact: true })).toBeVisible();

  // A duration that is not ISO 8601 is refused in the form, with the server's own rule (the shared
  // schema's message, in the user's language).
  await controls.getByRole("textbox", { name: tr("Custom duration") }).fill("30 days");
  await controls.getByRole("button", { name: tr("Advance"), exact: true }).click();
  await expect(
    controls.getByText(
      tr("Give an ISO 8601 duration in weeks, days, hours, minutes or seconds, e.g. P3DT2H"),
    ),
  ).toBeVisible();
  await controls.getByRole("textbox", { name: tr("Custom duration") }).fill("");

  const thirtyDaysAhead = tr("{days, plural, one {# day} other {# days}} ahead", { days: 30 });
  await controls
    .getByRole("button", {
      name: tr("Advance {days, plural, one {# day} other {# days}}", { days: 30 }),
    })
    .click();
  const advanced = page.getByRole("alert").filter({ hasText: tr("Test clock advanced") });
  await expect(advanced).toBeVisible();
  await expect(controls.getByText(thirtyDaysAhead)).toBeVisible();
  // The step button kept the focus while the clock moved, so Escape still closes the controls.
  await page.keyboard.press("Escape");
  await expect(controls).toBeHidden();
  // On a phone the message covers the header's buttons: close it.
  await advanced.getByRole("button", { name: t("common.close") }).click();
  await expect(advanced).toBeHidden();

  await page.getByRole("button", { name: tr("Run reminder sweep now") }).click();
  const sweepDone = page.getByRole("alert").filter({ hasText: tr("Reminder sweep done") });
  await expect(sweepDone).toBeVisible();
  // On a phone the message covers the header, and a pointer over it keeps it open: close it.
  await sweepDone.getByRole("button", { name: t("common.close") }).click();
  await expect(sweepDone).toBeHidden();

  // The reminders that came due with the move are delivered in the background, moments later.
  // Each is written in its recipient's language (the partner's SuperAdmins, and the billing contact
  // in the language of the account's country): GreenGrid's SuperAdmins read English, Enerlogic's
  // the language they last signed in with, and Spanish accounts' billing contacts Spanish. So there
  // are reminders in the project's language to read.
  await expect.poll(() => remindersInMailbox(page)).toBeGreaterThan(before);
  const reminderLanguage = language();
  await page
    .getByRole("textbox", { name: tr("Search the mailbox") })
    .fill(reminderOpening(reminderLanguage));
  await expectLoaded(page, tr("Mailbox"));
  const reminder = page
    .getByRole("table", { name: tr("Mailbox") })
    .getByRole("button", { name: reminderSubject(reminderLanguage) })
    .first();
  const subject = (await reminder.textContent()) ?? "";
  await reminder.click();

  const message = page.getByRole("article", { name: tr("Message") });
  await expect(message.getByRole("heading", { name: subject })).toBeVisible();
  const html = message.frameLocator("iframe");
  await expect(
    html.getByRole("link", { name: t("mail.reminder.action", {}, reminderLanguage) }),
  ).toBeVisible();
  await screenshot(page, "mailbox");

  // On a phone the message opens in a drawer over the page: Escape closes it.
  await page.keyboard.press("Escape");
  await clockButton.click();
  await expect(controls.getByText(thirtyDaysAhead)).toBeVisible();
  await screenshot(page, "test-clock");

  await page.keyboard.press("Escape");
  // The move swept already, so a sweep by hand finds nothing due: it says how many went out, when.
  const answering = page.waitForResponse(
    (response) => response.url().endsWith("/api/v1/reminders/sweep") && response.ok(),
  );
  await page.getByRole("button", { name: tr("Run reminder sweep now") }).click();
  const swept = (await (await answering).json()) as SweepResult;
  expect(swept).toMatchObject({ reminders: 0, mails: 0 });
  expect(swept.sentInLastDay).toBeGreaterThan(0);
  const lastSentAt = new Intl.DateTimeFormat(LOCALES[language()], {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone: test.info().project.use.timezoneId,
  }).format(new Date(swept.lastSentAt as string));
  await expect(
    page.getByRole("alert").filter({
      hasText: tr(
        "No reminder is due now: {count, number} went out in the last 24 hours, the last at {lastSentAt}. Moving the test clock runs the sweep too.",
        { count: swept.sentInLastDay, lastSentAt },
      ),
    }),
  ).toBeVisible();
});
