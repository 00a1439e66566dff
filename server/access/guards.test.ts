/**
 * Every route of the API against every kind of caller: anonymous, an account user of the owning
 * partner (no SuperAdmin flag, no access granted), a SuperAdmin of another partner, Customer
 * Success, and the owning SuperAdmin. The table must list every route the OpenAPI document has:
 * it is one table on purpose, so the file is long.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/users.ts";
import type { Database } from "../db/client.ts";
import { mailboxMessages } from "../db/schema/index.ts";
import { inviteUser } from "../invitations/invite-user.ts";
import { mailboxTransport } from "../mail/transports.ts";
import {
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  newAccountRequest,
} from "../test/factories.ts";
import {
  anonymous,
  PUBLIC_URL,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from "../test/harness.ts";

type Caller = "anonymous" | "accountUser" | "otherSuperAdmin" | "customerSuccess" | "superAdmin";

interface Guard {
  method: "GET" | "POST" | "PUT" | "DELETE";
  route: string;
  url: () => string;
  body?: () => unknown;
  expect: Record<Caller, number>;
}

let t: TestApp;
let callers: Record<Caller, Session>;
const ids = {
  account: "",
  application: "",
  toApprove: "",
  toReject: "",
  toWithdraw: "",
  mailboxMessage: "",
  apiKey: "",
  person: "",
  invitation: "",
  invitationToRevoke: "",
  invitationCustomerSuccessRevokes: "",
  invitationToken: "",
  partner: "",
  colleague: "",
  licence: "",
  billManagementType: "",
  sector: "",
  webhook: "",
  webhookToDelete: "",
  webhookDelivery: "",
};
let filing: () => object;

beforeAll(async () => {
  // With the test clock on, so that its routes exist and are guarded too.
  t = await startTestApp({ config: { TEST_CLOCK: "1" } });
  const catalogue = await createCatalogue(t.db);
  const owner = await createPartner(t.db);
  const other = await createPartner(t.db);
  ids.account = (await createAccount(t.db, owner.id, catalogue)).id;
  filing = () => ({ kind: "new_account", payload: newAccountRequest(catalogue) });
  callers = {
    anonymous: anonymous(t.app),
    accountUser: await signIn(t.app, owner.accountUser.email),
    otherSuperAdmin: await signIn(t.app, other.superAdmin.email),
    customerSuccess: await signIn(t.app, (await createCustomerSuccess(t.db)).email),
    superAdmin: await signIn(t.app, owner.superAdmin.email),
  };
  const fileOne = async () =>
    (
      await callers.superAdmin.request({
        method: "POST",
        url: "/api/v1/account-management/applications",
        payload: filing(),
      })
    ).json().id as string;
  ids.application = await fileOne();
  ids.toApprove = await fileOne();
  ids.toReject = await fileOne();
  ids.toWithdraw = await fileOne();
  ids.mailboxMessage = await deliverToMailbox(t.db);
  ids.apiKey = (
    await callers.superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Guarded" },
    })
  ).json().key.id;
  await preparePeople(owner.id);
  await prepareStaffArea();
  await prepareWebhooks(fileOne);
});

/** Two of the owner's webhook endpoints, one to delete, and a delivery to redeliver. */
async function prepareWebhooks(fileOne: () => Promise<string>): Promise<void> {
  const register = async () =>
    (
      await callers.superAdmin.request({
        method: "POST",
        url: "/api/v1/webhooks",
        payload: { url: "https://hooks.example.com/guarded", eventTypes: ["application.filed"] },
      })
    ).json().endpoint.id as string;
  ids.webhook = await register();
  ids.webhookToDelete = await register();
  await fileOne();
  ids.webhookDelivery = (
    await callers.superAdmin.request({
      method: "GET",
      url: `/api/v1/webhooks/${ids.webhook}/deliveries`,
    })
  ).json().items[0].id;
}
afterAll(() => t.close());

/** A user of the owner's to change, and invitations to resend, revoke and open. */
async function preparePeople(partnerId: string): Promise<void> {
  ids.person = (
    await createUser(t.db, {
      email: `guarded-${randomUUID()}@partner.test`,
      name: "Guarded user",
      password: "guarded password",
      role: "partner",
      partnerId,
    })
  ).id;
  const invite = () =>
    inviteUser({
      db: t.db,
      clock: t.clock,
      publicUrl: PUBLIC_URL,
      invitedBy: null,
      partnerId,
      userType: "client",
      email: `guarded-${randomUUID()}@example.test`,
      name: "Guarded invitee",
    });
  const opened = await invite();
  ids.invitationToken = opened.link.split("/").at(-1) ?? "";
  ids.invitation = (await invite()).invitation.id;
  ids.invitationToRevoke = (await invite()).invitation.id;
  ids.invitationCustomerSuccessRevokes = (await invite()).invitation.id;
}

/**
 * What the staff area's routes change is their own: a partner to suspend, a colleague to
 * deactivate, and catalogue entries to retire, so that no other row of the table is affected.
 */
async function prepareStaffArea(): Promise<void> {
  ids.partner = (await createPartner(t.db)).id;
  ids.colleague = (await createCustomerSuccess(t.db)).id;
  const add = async (path: string) =>
    (
      await callers.customerSuccess.request({
        method: "POST",
        url: `/api/v1/catalogue/${path}`,
        payload: { name: `Guarded ${randomUUID().slice(0, 8)}` },
      })
    ).json().id as string;
  ids.licence = await add("licences");
  ids.billManagementType = await add("bill-management-types");
  ids.sector = await add("sectors");
}

let invited = 0;
const newPerson = () => ({ name: "Guarded person", email: `guarded-${++invited}@example.test` });

// Customer Success approves and rejects last, after the owner has read the pending ones.
/** Customer Success may read every partner's mail in the in-app mailbox. */
async function deliverToMailbox(db: Database): Promise<string> {
  const messageId = `<${randomUUID()}@localhost>`;
  await mailboxTransport(db, "Wattfolio <no-reply@localhost>").deliver(
    {
      messageId,
      recipient: "someone@partner.test",
      subject: "Hello",
      html: "<p>Hi</p>",
      text: "Hi",
    },
    t.clock.now(),
  );
  const [message] = await db
    .select({ id: mailboxMessages.id })
    .from(mailboxMessages)
    .where(eq(mailboxMessages.messageId, messageId));
  return message?.id ?? "";
}

const customerSuccessOnly = {
  anonymous: 401,
  accountUser: 403,
  otherSuperAdmin: 403,
  customerSuccess: 200,
  superAdmin: 403,
};

const customerSuccessCreates = { ...customerSuccessOnly, customerSuccess: 201 };

const callerOrder: Caller[] = [
  "anonymous",
  "accountUser",
  "otherSuperAdmin",
  "superAdmin",
  "customerSuccess",
];

const table: Guard[] = [
  {
    method: "GET",
    route: "/api/v1/me",
    url: () => "/api/v1/me",
    expect: {
      anonymous: 401,
      accountUser: 200,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/me/profile",
    url: () => "/api/v1/me/profile",
    expect: {
      anonymous: 401,
      accountUser: 200,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "PUT",
    route: "/api/v1/me/profile",
    url: () => "/api/v1/me/profile",
    body: () => ({ name: "Guarded Person", language: "en" }),
    expect: {
      anonymous: 401,
      accountUser: 200,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/me/sessions",
    url: () => "/api/v1/me/sessions",
    expect: {
      anonymous: 401,
      accountUser: 200,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  // Each caller has one session here: ending the others ends none of theirs.
  {
    method: "POST",
    route: "/api/v1/me/sessions/sign-out-others",
    url: () => "/api/v1/me/sessions/sign-out-others",
    expect: {
      anonymous: 401,
      accountUser: 200,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/security-log",
    url: () => "/api/v1/security-log",
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/catalogue",
    url: () => "/api/v1/catalogue",
    expect: {
      anonymous: 401,
      accountUser: 200,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/accounts",
    url: () => "/api/v1/accounts",
    expect: {
      anonymous: 401,
      accountUser: 200,
      otherSuperAdmin: 200,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/accounts/{id}",
    url: () => `/api/v1/accounts/${ids.account}`,
    expect: {
      anonymous: 401,
      accountUser: 404,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/account-management/accounts",
    url: () => "/api/v1/account-management/accounts",
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 200,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/account-management/accounts/export.csv",
    url: () => "/api/v1/account-management/accounts/export.csv",
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 200,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/account-management/applications/export.csv",
    url: () => "/api/v1/account-management/applications/export.csv",
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 200,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/account-management/applications",
    url: () => "/api/v1/account-management/applications",
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 200,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  // A SuperAdmin of another partner passes the guard and files for its own portfolio; the body here is empty, so 400.
  {
    method: "POST",
    route: "/api/v1/account-management/applications",
    url: () => "/api/v1/account-management/applications",
    body: () => ({}),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 400,
      customerSuccess: 403,
      superAdmin: 400,
    },
  },
  {
    method: "GET",
    route: "/api/v1/account-management/applications/{id}",
    url: () => `/api/v1/account-management/applications/${ids.application}`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/account-management/applications/{id}/withdraw",
    url: () => `/api/v1/account-management/applications/${ids.toWithdraw}/withdraw`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/accounts/{id}/history",
    url: () => `/api/v1/accounts/${ids.account}/history`,
    expect: {
      anonymous: 401,
      accountUser: 404,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/review/auto-approval-rules",
    url: () => "/api/v1/review/auto-approval-rules",
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 403,
      customerSuccess: 200,
      superAdmin: 403,
    },
  },
  {
    method: "PUT",
    route: "/api/v1/review/auto-approval-rules/{kind}",
    url: () => "/api/v1/review/auto-approval-rules/edit_licence",
    body: () => ({ enabled: false }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 403,
      customerSuccess: 200,
      superAdmin: 403,
    },
  },
  {
    method: "GET",
    route: "/api/v1/review/applications",
    url: () => "/api/v1/review/applications",
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 403,
      customerSuccess: 200,
      superAdmin: 403,
    },
  },
  {
    method: "GET",
    route: "/api/v1/review/applications/{id}",
    url: () => `/api/v1/review/applications/${ids.application}`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 403,
      customerSuccess: 200,
      superAdmin: 403,
    },
  },
  {
    method: "POST",
    route: "/api/v1/review/applications/{id}/approve",
    url: () => `/api/v1/review/applications/${ids.toApprove}/approve`,
    body: () => ({ comment: "ok" }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 403,
      customerSuccess: 200,
      superAdmin: 403,
    },
  },
  {
    method: "POST",
    route: "/api/v1/review/applications/{id}/reject",
    url: () => `/api/v1/review/applications/${ids.toReject}/reject`,
    body: () => ({ comment: "no" }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 403,
      customerSuccess: 200,
      superAdmin: 403,
    },
  },
  // Another partner's SuperAdmin passes the guard but cannot find the account.
  {
    method: "PUT",
    route: "/api/v1/account-management/accounts/{id}/billing-contact",
    url: () => `/api/v1/account-management/accounts/${ids.account}/billing-contact`,
    body: () => ({ email: "billing@customer.test" }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/mailbox",
    url: () => "/api/v1/mailbox",
    expect: customerSuccessOnly,
  },
  {
    method: "GET",
    route: "/api/v1/mailbox/{id}",
    url: () => `/api/v1/mailbox/${ids.mailboxMessage}`,
    expect: customerSuccessOnly,
  },
  {
    method: "GET",
    route: "/api/v1/outbox",
    url: () => "/api/v1/outbox",
    expect: customerSuccessOnly,
  },
  {
    method: "POST",
    route: "/api/v1/reminders/sweep",
    url: () => "/api/v1/reminders/sweep",
    expect: customerSuccessOnly,
  },
  {
    method: "GET",
    route: "/api/v1/test-clock",
    url: () => "/api/v1/test-clock",
    expect: customerSuccessOnly,
  },
  {
    method: "POST",
    route: "/api/v1/test-clock/advance",
    url: () => "/api/v1/test-clock/advance",
    body: () => ({ duration: "PT1M" }),
    expect: customerSuccessOnly,
  },
  // The usage API: people who can see the account read it; SuperAdmins also register and release
  // (the web app's import); SMS credits are spent by integrations only (see api-keys.test.ts).
  // Everyone signed in, and every key, lists the accounts they reach (maybe none).
  {
    method: "GET",
    route: "/api/v1/usage/accounts",
    url: () => "/api/v1/usage/accounts",
    expect: {
      anonymous: 401,
      accountUser: 200,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/usage/accounts/{id}",
    url: () => `/api/v1/usage/accounts/${ids.account}`,
    expect: {
      anonymous: 401,
      accountUser: 404,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/usage/accounts/{id}/datapoints/export.csv",
    url: () => `/api/v1/usage/accounts/${ids.account}/datapoints/export.csv`,
    expect: {
      anonymous: 401,
      accountUser: 404,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/usage/accounts/{id}/datapoints",
    url: () => `/api/v1/usage/accounts/${ids.account}/datapoints`,
    expect: {
      anonymous: 401,
      accountUser: 404,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/usage/accounts/{id}/datapoints",
    url: () => `/api/v1/usage/accounts/${ids.account}/datapoints`,
    body: () => ({
      datapoints: [{ externalId: randomUUID(), name: "Meter", deviceName: "Main", kind: "meter" }],
    }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/usage/accounts/{id}/datapoints/release",
    url: () => `/api/v1/usage/accounts/${ids.account}/datapoints/release`,
    body: () => ({ externalIds: ["not-registered"] }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/usage/accounts/{id}/sms-credits/spend",
    url: () => `/api/v1/usage/accounts/${ids.account}/sms-credits/spend`,
    body: () => ({ credits: 1 }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 403,
      customerSuccess: 403,
      superAdmin: 403,
    },
  },
  {
    method: "GET",
    route: "/api/v1/api-keys",
    url: () => "/api/v1/api-keys",
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/api-keys",
    url: () => "/api/v1/api-keys",
    body: () => ({ name: "Another integration" }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 201,
      customerSuccess: 201,
      superAdmin: 201,
    },
  },
  {
    method: "GET",
    route: "/api/v1/api-keys/{id}",
    url: () => `/api/v1/api-keys/${ids.apiKey}`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  // Customer Success may revoke any key; revoking it again changes nothing.
  {
    method: "POST",
    route: "/api/v1/api-keys/{id}/revoke",
    url: () => `/api/v1/api-keys/${ids.apiKey}/revoke`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/partners",
    url: () => "/api/v1/partners",
    expect: customerSuccessOnly,
  },
  {
    method: "POST",
    route: "/api/v1/partners",
    url: () => "/api/v1/partners",
    body: () => ({
      name: `Guarded partner ${randomUUID()}`,
      country: "ES",
      timeZone: "Europe/Madrid",
      defaultLanguage: "es",
    }),
    expect: customerSuccessCreates,
  },
  {
    method: "GET",
    route: "/api/v1/partners/{id}",
    url: () => `/api/v1/partners/${ids.partner}`,
    expect: customerSuccessOnly,
  },
  {
    method: "PUT",
    route: "/api/v1/partners/{id}",
    url: () => `/api/v1/partners/${ids.partner}`,
    body: () => ({
      name: `Guarded partner ${ids.partner}`,
      country: "PT",
      timeZone: "Europe/Lisbon",
      defaultLanguage: "en",
    }),
    expect: customerSuccessOnly,
  },
  {
    method: "POST",
    route: "/api/v1/partners/{id}/suspend",
    url: () => `/api/v1/partners/${ids.partner}/suspend`,
    expect: customerSuccessOnly,
  },
  {
    method: "POST",
    route: "/api/v1/partners/{id}/reinstate",
    url: () => `/api/v1/partners/${ids.partner}/reinstate`,
    expect: customerSuccessOnly,
  },
  {
    method: "POST",
    route: "/api/v1/partners/{id}/super-admin-invitations",
    url: () => `/api/v1/partners/${ids.partner}/super-admin-invitations`,
    body: newPerson,
    expect: customerSuccessCreates,
  },
  {
    method: "GET",
    route: "/api/v1/staff",
    url: () => "/api/v1/staff",
    expect: customerSuccessOnly,
  },
  {
    method: "POST",
    route: "/api/v1/staff/invitations",
    url: () => "/api/v1/staff/invitations",
    body: newPerson,
    expect: customerSuccessCreates,
  },
  {
    method: "POST",
    route: "/api/v1/staff/{id}/deactivate",
    url: () => `/api/v1/staff/${ids.colleague}/deactivate`,
    expect: customerSuccessOnly,
  },
  {
    method: "POST",
    route: "/api/v1/staff/{id}/reactivate",
    url: () => `/api/v1/staff/${ids.colleague}/reactivate`,
    expect: customerSuccessOnly,
  },
  {
    method: "POST",
    route: "/api/v1/staff/invitations/{id}/resend",
    url: () => `/api/v1/staff/invitations/${ids.invitation}/resend`,
    expect: customerSuccessOnly,
  },
  {
    method: "GET",
    route: "/api/v1/staff/invitations/{id}",
    url: () => `/api/v1/staff/invitations/${ids.invitation}`,
    expect: customerSuccessOnly,
  },
  {
    method: "POST",
    route: "/api/v1/staff/invitations/{id}/revoke",
    url: () => `/api/v1/staff/invitations/${ids.invitationCustomerSuccessRevokes}/revoke`,
    expect: { ...customerSuccessOnly, customerSuccess: 204 },
  },
  {
    method: "GET",
    route: "/api/v1/catalogue/entries",
    url: () => "/api/v1/catalogue/entries",
    expect: customerSuccessOnly,
  },
  ...(
    [
      ["licences", () => ids.licence],
      ["bill-management-types", () => ids.billManagementType],
      ["sectors", () => ids.sector],
    ] as const
  ).flatMap(([path, id]): Guard[] => [
    {
      method: "POST",
      route: `/api/v1/catalogue/${path}`,
      url: () => `/api/v1/catalogue/${path}`,
      body: () => ({ name: `Guarded ${randomUUID()}` }),
      expect: customerSuccessCreates,
    },
    {
      method: "GET",
      route: `/api/v1/catalogue/${path}/{id}`,
      url: () => `/api/v1/catalogue/${path}/${id()}`,
      expect: customerSuccessOnly,
    },
    {
      method: "PUT",
      route: `/api/v1/catalogue/${path}/{id}`,
      url: () => `/api/v1/catalogue/${path}/${id()}`,
      body: () => ({ name: "Guarded, renamed" }),
      expect: customerSuccessOnly,
    },
    {
      method: "POST",
      route: `/api/v1/catalogue/${path}/{id}/retire`,
      url: () => `/api/v1/catalogue/${path}/${id()}/retire`,
      expect: customerSuccessOnly,
    },
    {
      method: "POST",
      route: `/api/v1/catalogue/${path}/{id}/restore`,
      url: () => `/api/v1/catalogue/${path}/${id()}/restore`,
      expect: customerSuccessOnly,
    },
  ]),
  // Anyone may open an invitation link; an unknown one is 404 whoever asks.
  {
    method: "GET",
    route: "/api/v1/invitations/{token}",
    url: () => `/api/v1/invitations/${ids.invitationToken}`,
    expect: {
      anonymous: 200,
      accountUser: 200,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/invitations/{token}/accept",
    url: () => "/api/v1/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/accept",
    body: () => ({ password: "a long enough password" }),
    expect: {
      anonymous: 404,
      accountUser: 404,
      otherSuperAdmin: 404,
      customerSuccess: 404,
      superAdmin: 404,
    },
  },
  // Another partner's SuperAdmin sees its own users; its ids for ours are 404.
  {
    method: "GET",
    route: "/api/v1/users",
    url: () => "/api/v1/users",
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 200,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/users/invitations",
    url: () => "/api/v1/users/invitations",
    body: () => ({
      name: "Guarded invitee",
      email: `guarded-${randomUUID()}@example.test`,
      userType: "client",
    }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 201,
      customerSuccess: 403,
      superAdmin: 201,
    },
  },
  {
    method: "POST",
    route: "/api/v1/users/invitations/{id}/resend",
    url: () => `/api/v1/users/invitations/${ids.invitation}/resend`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/users/invitations/{id}",
    url: () => `/api/v1/users/invitations/${ids.invitation}`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/users/invitations/{id}/revoke",
    url: () => `/api/v1/users/invitations/${ids.invitationToRevoke}/revoke`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "PUT",
    route: "/api/v1/users/{id}/type",
    url: () => `/api/v1/users/${ids.person}/type`,
    body: () => ({ userType: "manager" }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/users/{id}/deactivate",
    url: () => `/api/v1/users/${ids.person}/deactivate`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/users/{id}/reactivate",
    url: () => `/api/v1/users/${ids.person}/reactivate`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/accounts/{id}/users",
    url: () => `/api/v1/accounts/${ids.account}/users`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/accounts/{id}/users",
    url: () => `/api/v1/accounts/${ids.account}/users`,
    body: () => ({ userId: ids.person }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/usage/accounts/{id}/history",
    url: () => `/api/v1/usage/accounts/${ids.account}/history?from=2026-03-01&to=2026-03-15`,
    expect: {
      anonymous: 401,
      accountUser: 404,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  // Each SuperAdmin reads their own partner's events; Customer Success reads every partner's.
  {
    method: "GET",
    route: "/api/v1/events",
    url: () => "/api/v1/events",
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/webhooks",
    url: () => "/api/v1/webhooks",
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 200,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/webhooks",
    url: () => "/api/v1/webhooks",
    body: () => ({ url: "https://hooks.example.com/another", eventTypes: ["account.created"] }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 201,
      customerSuccess: 201,
      superAdmin: 201,
    },
  },
  {
    method: "GET",
    route: "/api/v1/webhooks/{id}",
    url: () => `/api/v1/webhooks/${ids.webhook}`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "PUT",
    route: "/api/v1/webhooks/{id}",
    url: () => `/api/v1/webhooks/${ids.webhook}`,
    body: () => ({ description: "Guarded endpoint" }),
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/webhooks/{id}/rotate-secret",
    url: () => `/api/v1/webhooks/${ids.webhook}/rotate-secret`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "GET",
    route: "/api/v1/webhooks/{id}/deliveries",
    url: () => `/api/v1/webhooks/${ids.webhook}/deliveries`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 200,
      superAdmin: 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
    url: () => `/api/v1/webhooks/${ids.webhook}/deliveries/${ids.webhookDelivery}/redeliver`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 202,
      superAdmin: 202,
    },
  },
  // The SuperAdmin deletes the endpoint; once gone, Customer Success finds nothing.
  {
    method: "DELETE",
    route: "/api/v1/webhooks/{id}",
    url: () => `/api/v1/webhooks/${ids.webhookToDelete}`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 404,
      superAdmin: 204,
    },
  },
  {
    method: "DELETE",
    route: "/api/v1/accounts/{id}/users/{userId}",
    url: () => `/api/v1/accounts/${ids.account}/users/${ids.person}`,
    expect: {
      anonymous: 401,
      accountUser: 403,
      otherSuperAdmin: 404,
      customerSuccess: 403,
      superAdmin: 200,
    },
  },
];

describe("who may call each route", () => {
  it("lists every route of the API", () => {
    const documented = Object.entries(
      (t.app as unknown as { swagger(): { paths: Record<string, object> } }).swagger().paths,
    )
      .filter(([path]) => path.startsWith("/api/v1/"))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
    expect(table.map((guard) => `${guard.method} ${guard.route}`).sort()).toEqual(
      documented.sort(),
    );
  });

  for (const guard of table) {
    it(`${guard.method} ${guard.route} answers each caller as it should`, async () => {
      const statuses: Partial<Record<Caller, number>> = {};
      for (const caller of callerOrder) {
        const body = guard.body?.();
        const response = await callers[caller].request({
          method: guard.method,
          url: guard.url(),
          ...(body === undefined ? {} : { payload: body as object }),
        });
        statuses[caller] = response.statusCode;
        if (response.statusCode >= 400) {
          expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
        }
        // Conventions every client may rely on: how to authenticate, and where the new thing is.
        if (response.statusCode === 401) {
          expect(response.headers["www-authenticate"]).toBeDefined();
        }
        if (response.statusCode === 201) {
          expect(response.headers.location).toMatch(/^\/api\/v1\//);
        }
      }
      expect(statuses).toEqual(guard.expect);
    });
  }

  it("answers an unknown id like another partner's: 404", async () => {
    const response = await callers.superAdmin.request({
      method: "GET",
      url: "/api/v1/accounts/00000000-0000-4000-8000-000000000000",
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe("NOT_FOUND");
  });

  it("says what is wrong with a malformed id", async () => {
    const response = await callers.superAdmin.request({
      method: "GET",
      url: "/api/v1/accounts/not-an-id",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ field: "id" }] });
  });
});
