import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerSuccessActor } from "../access/actor.ts";
import { catalogueOnce, loadCatalogue } from "../catalogue/queries.ts";
import { createNotices } from "../notices/notices.ts";
import {
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
} from "../test/factories.ts";
import { PUBLIC_URL, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { approveApplication } from "./decide-application.ts";
import { findApplication } from "./queries.ts";

let t: TestApp;
afterAll(() => t.close());
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-15T10:00:00Z" });
});

describe("approving an application", () => {
  it("reads the catalogue once for the change, its notices and the answer", async () => {
    const catalogue = await createCatalogue(t.db);
    const partner = await createPartner(t.db);
    const account = await createAccount(t.db, partner.id, catalogue);
    const superAdmin = await signIn(t.app, partner.superAdmin.email);
    const filed = await superAdmin.request({
      method: "POST",
      url: "/api/v1/account-management/applications",
      payload: {
        kind: "edit_licence",
        accountId: account.id,
        payload: { licenceId: catalogue.otherLicenceId },
      },
    });
    expect(filed.statusCode).toBe(201);
    const staff = await createCustomerSuccess(t.db);
    const reviewer: CustomerSuccessActor = {
      kind: "customer_success",
      userId: staff.id,
      name: "Customer Success",
      language: "en",
      email: staff.email,
    };

    let reads = 0;
    const oneRequest = catalogueOnce(async (db) => {
      reads += 1;
      return loadCatalogue(db);
    });
    const now = t.clock.now();
    const applicationId: string = filed.json().id;
    await approveApplication({
      db: t.db,
      actor: reviewer,
      applicationId,
      comment: "",
      now,
      notices: createNotices(PUBLIC_URL),
      catalogue: oneRequest,
    });
    const answer = await findApplication(t.db, reviewer, applicationId, {
      now,
      catalogue: oneRequest,
    });

    expect(answer).toMatchObject({
      status: "approved",
      summary: expect.stringMatching(/Professional/),
    });
    expect(reads).toBe(1);
  });
});
