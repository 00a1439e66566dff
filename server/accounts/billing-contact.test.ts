import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "../db/schema/index.ts";
import {
  accountById,
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let catalogue: Catalogue;
let partner: PartnerFixture;
let superAdmin: Session;

beforeAll(async () => {
  t = await startTestApp({ isolated: true, now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
});
afterAll(() => t.close());

const setContact = (session: Session, accountId: string, email: unknown) =>
  session.request({
    method: "PUT",
    url: `/api/v1/account-management/accounts/${accountId}/billing-contact`,
    payload: { email },
  });

describe("an account's billing contact", () => {
  it("is set by a SuperAdmin, shown on the account page, and receives the reminders in the account's language", async () => {
    const account = await createAccount(t.db, partner.id, catalogue, {
      country: "MX",
      endsOn: "2026-03-22",
    });
    const response = await setContact(superAdmin, account.id, "Pagos@Cliente.example");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ billingContactEmail: "pagos@cliente.example" });

    await t.app.lifecycle.sweep();
    const mail = await t.db
      .select({ recipient: mailOutbox.recipient, language: mailOutbox.language })
      .from(mailOutbox)
      .where(eq(mailOutbox.accountId, account.id));
    expect(mail).toEqual(
      expect.arrayContaining([
        { recipient: "pagos@cliente.example", language: "es" },
        { recipient: partner.superAdmin.email, language: "en" },
      ]),
    );
  });

  it("can be cleared", async () => {
    const account = await createAccount(t.db, partner.id, catalogue, {
      billingContactEmail: "old@customer.example",
    });
    expect((await setContact(superAdmin, account.id, null)).json()).toMatchObject({
      billingContactEmail: null,
    });
    expect((await accountById(t.db, account.id))?.billingContactEmail).toBeNull();
  });

  it("refuses what is not an e-mail address, with the field at fault, and changes nothing", async () => {
    const account = await createAccount(t.db, partner.id, catalogue, {
      billingContactEmail: "kept@customer.example",
    });
    const response = await setContact(superAdmin, account.id, "not an address");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ field: "email" }] });
    expect((await accountById(t.db, account.id))?.billingContactEmail).toBe(
      "kept@customer.example",
    );
  });

  it("cannot be set on another partner's account", async () => {
    const other = await createPartner(t.db);
    const account = await createAccount(t.db, other.id, catalogue);
    expect((await setContact(superAdmin, account.id, "x@customer.example")).statusCode).toBe(404);
    expect((await accountById(t.db, account.id))?.billingContactEmail).toBeNull();
  });
});
