/**
 * Notices of applications and accounts, queued in the transaction of the event and delivered to
 * the in-app mailbox (no SMTP server configured), where Customer Success reads them.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailboxItem, OutboxItem } from "../../shared/api/lifecycle.ts";
import { addDays } from "../../shared/domain/calendar.ts";
import { createUser } from "../auth/users.ts";
import { mailOutbox } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  newAccountRequest,
  type PartnerFixture,
} from "../test/factories.ts";
import {
  PUBLIC_URL,
  type Session,
  signIn,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from "../test/harness.ts";

let t: TestApp;
let catalogue: Catalogue;
let partner: PartnerFixture;
let superAdmin: Session;
let customerSuccess: Session;
let staff: { english: string; spanish: string };

beforeAll(async () => {
  t = await startTestApp({ isolated: true, now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  const english = await createCustomerSuccess(t.db);
  const spanish = "rocio@wattfolio.test";
  await createUser(t.db, {
    email: spanish,
    name: "Rocío",
    password: TEST_PASSWORD,
    role: "customer_success",
    language: "es",
  });
  staff = { english: english.email, spanish };
  customerSuccess = await signIn(t.app, english.email);
});
afterAll(() => t.close());

const file = async (payload: object) =>
  (
    await superAdmin.request({
      method: "POST",
      url: "/api/v1/account-management/applications",
      payload: { kind: "new_account", payload },
    })
  ).json();

const decide = (id: string, decision: "approve" | "reject", comment: string) =>
  customerSuccess.request({
    method: "POST",
    url: `/api/v1/review/applications/${id}/${decision}`,
    payload: { comment },
  });

async function mailbox(query = ""): Promise<MailboxItem[]> {
  const response = await customerSuccess.request({
    method: "GET",
    url: `/api/v1/mailbox?pageSize=100${query}`,
  });
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

async function queuedFor(recipient: string) {
  return t.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, recipient));
}

describe("notices of applications", () => {
  it("tells every Customer Success reviewer, in their language, that an application was filed", async () => {
    const filed = await file(
      newAccountRequest(catalogue, { name: "Madrid <HQ>", comment: "Kick-off next month" }),
    );
    expect(await queuedFor(staff.english)).toHaveLength(1);
    await t.app.lifecycle.dispatch();

    const [english] = await mailbox(`&q=${encodeURIComponent(staff.english)}`);
    expect(english?.subject).toMatch(
      /^New application from Partner \w+: New account "Madrid <HQ>"/,
    );
    expect(english?.language).toBe("en");
    const [spanish] = await mailbox(`&q=${encodeURIComponent(staff.spanish)}`);
    expect(spanish?.subject).toMatch(/^Nueva solicitud de Partner \w+: Nueva cuenta «Madrid <HQ>»/);
    expect(spanish?.language).toBe("es");

    const message = (
      await customerSuccess.request({ method: "GET", url: `/api/v1/mailbox/${english?.id}` })
    ).json();
    expect(message.language).toBe("en");
    expect(message.text).toContain(`${PUBLIC_URL}/review/${filed.id}`);
    expect(message.html).toContain(`href="${PUBLIC_URL}/review/${filed.id}"`);
    // What users typed is shown, never interpreted as HTML.
    expect(message.html).toContain("Madrid &lt;HQ&gt;");
    expect(message.html).not.toContain("Madrid <HQ>");
  });

  it("tells the requester of the approval with the comment, and the SuperAdmins of the new account", async () => {
    const filed = await file(newAccountRequest(catalogue, { name: "Sevilla Station" }));
    expect((await decide(filed.id, "approve", "Welcome aboard")).statusCode).toBe(200);
    const topics = (await queuedFor(partner.superAdmin.email)).map((row) => row.topic);
    expect(topics).toEqual(expect.arrayContaining(["application_decided", "account_created"]));
    await t.app.lifecycle.dispatch();

    const subjects = (await mailbox(`&q=${encodeURIComponent(partner.superAdmin.email)}`)).map(
      (m) => m.subject,
    );
    expect(subjects).toContainEqual(
      expect.stringMatching(
        /^Your application was approved: New account "Sevilla Station" for Hoteles Mar Azul/,
      ),
    );
    expect(subjects).toContain("The account Sevilla Station is ready");
  });

  it("tells the requester of a rejection with the reviewer's reason, quoted", async () => {
    const filed = await file(newAccountRequest(catalogue, { name: "Bilbao Plant" }));
    await decide(filed.id, "reject", "Datapoints look too high for this site");
    await t.app.lifecycle.dispatch();
    const [rejection] = await mailbox("&q=rejected");
    expect(rejection?.subject).toMatch(
      /^Your application was rejected: New account "Bilbao Plant"/,
    );
    const message = (
      await customerSuccess.request({ method: "GET", url: `/api/v1/mailbox/${rejection?.id}` })
    ).json();
    expect(message.text).toContain("> Datapoints look too high for this site");
    expect(message.html).toContain("<blockquote");
  });

  it("queues nothing when the event does not happen: an approval refused rolls its notices back", async () => {
    const filed = await file(newAccountRequest(catalogue, { name: "Race Track Offices" }));
    await createAccount(t.db, partner.id, catalogue, { name: "Race Track Offices" });
    const before = (await queuedFor(partner.superAdmin.email)).length;
    expect((await decide(filed.id, "approve", "ok")).statusCode).toBe(409);
    expect(await queuedFor(partner.superAdmin.email)).toHaveLength(before);
  });
});

describe("the reminder sweep, run now by Customer Success", () => {
  it("sends what is due once, however often it is run, and shows the e-mails in the outbox", async () => {
    const other = await createPartner(t.db);
    await createAccount(t.db, other.id, catalogue, { endsOn: addDays("2026-03-15", 7) });
    const run = () => customerSuccess.request({ method: "POST", url: "/api/v1/reminders/sweep" });
    const first = await run();
    expect(first.json()).toMatchObject({ reminders: 1, mails: 1 });
    const again = (await run()).json();
    expect(again).toMatchObject({ reminders: 0, mails: 0 });
    // Nothing due, and it says so honestly: the one sent a moment ago went out in the last day.
    expect(again.sentInLastDay).toBeGreaterThanOrEqual(1);

    const outbox = async () =>
      (await customerSuccess.request({ method: "GET", url: "/api/v1/outbox?pageSize=100" })).json()
        .items as OutboxItem[];
    const queued = (await outbox()).find((m) => m.to === other.superAdmin.email);
    expect(queued).toMatchObject({ status: "queued", attempts: 0, topic: "reminder_7_days" });
    await t.app.lifecycle.dispatch();
    const sent = (await outbox()).find((m) => m.to === other.superAdmin.email);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, nextAttemptAt: null });
    expect((await mailbox(`&q=${encodeURIComponent(other.superAdmin.email)}`))[0]?.subject).toMatch(
      /expires in 7 days/,
    );
  });
});
