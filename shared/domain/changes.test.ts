import { describe, expect, it } from "vitest";
import type { ChangeRequest } from "./application-requests.ts";
import { type AccountState, type CatalogueNames, type Plan, planChange } from "./changes.ts";

const offered: CatalogueNames = {
  licence: (id) => ({ starter: "Starter", pro: "Professional" })[id],
  billManagementType: (id) => ({ basic: "BM Basic" })[id],
};
/** Legacy and BM Classic are retired: still named, no longer offered. */
const catalogue = {
  offered,
  names: {
    licence: (id: string) =>
      offered.licence(id) ?? ({ legacy: "Legacy" } as Record<string, string>)[id],
    billManagementType: (id: string) =>
      offered.billManagementType(id) ?? ({ classic: "BM Classic" } as Record<string, string>)[id],
  },
};

const account = (change: Partial<AccountState> = {}): AccountState => ({
  id: "a",
  name: "Madrid HQ",
  country: "ES",
  startsOn: "2026-01-10",
  endsOn: "2027-01-10",
  datapointsContracted: 1200,
  datapointsUsed: 40,
  licenceId: "starter",
  billManagementTypeId: null,
  rtmMeters: 0,
  additionalPods: 0,
  rtcLines: 0,
  smsCredits: 100,
  ...change,
});

const target = account({
  id: "b",
  name: "Valencia Port",
  datapointsContracted: 300,
  datapointsUsed: 290,
});

function plan(change: ChangeRequest, state = account(), today = "2026-06-01"): Plan {
  return planChange({ ...change, account: state, target, today, catalogue });
}

function errorOf(result: Plan): string {
  if (result.ok) throw new Error("expected a refusal");
  return result.errors.map((e) => `${e.field}: ${e.message}`).join("; ");
}

describe("editing datapoints", () => {
  it("adds datapoints: 1,200 DP → 1,250 DP", () => {
    expect(plan({ kind: "edit_datapoints", payload: { change: 50 } })).toMatchObject({
      ok: true,
      changes: [{ accountId: "a", field: "datapointsContracted", before: 1200, after: 1250 }],
      updates: [{ accountId: "a", set: { datapointsContracted: 1250 } }],
    });
  });

  it("removes datapoints down to exactly what the account uses", () => {
    expect(
      plan(
        { kind: "edit_datapoints", payload: { change: -60 } },
        account({ datapointsContracted: 100, datapointsUsed: 40 }),
      ),
    ).toMatchObject({
      ok: true,
      changes: [{ before: 100, after: 40 }],
    });
    expect(
      errorOf(
        plan(
          { kind: "edit_datapoints", payload: { change: -61 } },
          account({ datapointsContracted: 100, datapointsUsed: 40 }),
        ),
      ),
    ).toMatch(/uses 40 datapoints: at most 60 can be removed/);
  });

  it("never leaves fewer than 20 contracted, even when fewer are used", () => {
    const small = account({ datapointsContracted: 50, datapointsUsed: 5 });
    expect(plan({ kind: "edit_datapoints", payload: { change: -30 } }, small)).toMatchObject({
      ok: true,
      changes: [{ after: 20 }],
    });
    expect(errorOf(plan({ kind: "edit_datapoints", payload: { change: -31 } }, small))).toMatch(
      /at least 20 datapoints: at most 30 can be removed/,
    );
  });

  it("refuses a removal beyond the whole contract", () => {
    expect(errorOf(plan({ kind: "edit_datapoints", payload: { change: -5000 } }))).toMatch(
      /payload.change/,
    );
  });
});

describe("moving datapoints", () => {
  it("takes them from this account and gives them to the other, in one plan", () => {
    expect(
      plan({ kind: "move_datapoints", payload: { datapoints: 100, targetAccountId: "b" } }),
    ).toMatchObject({
      ok: true,
      changes: [
        { accountId: "a", field: "datapointsContracted", before: 1200, after: 1100 },
        { accountId: "b", field: "datapointsContracted", before: 300, after: 400 },
      ],
    });
  });

  it("keeps the source at 20 or more and at or above its usage", () => {
    const source = account({ datapointsContracted: 60, datapointsUsed: 30 });
    expect(
      plan({ kind: "move_datapoints", payload: { datapoints: 30, targetAccountId: "b" } }, source)
        .ok,
    ).toBe(true);
    expect(
      errorOf(
        plan(
          { kind: "move_datapoints", payload: { datapoints: 31, targetAccountId: "b" } },
          source,
        ),
      ),
    ).toMatch(/^payload.datapoints/);
  });

  it("needs another, active account as target", () => {
    expect(
      errorOf(
        plan({ kind: "move_datapoints", payload: { datapoints: 5, targetAccountId: "zzz" } }),
      ),
    ).toMatch(/targetAccountId/);
    const expiredTarget = { ...target, endsOn: "2026-05-01" };
    const result = planChange({
      kind: "move_datapoints",
      payload: { datapoints: 5, targetAccountId: "b" },
      account: account(),
      target: expiredTarget,
      today: "2026-06-01",
      catalogue,
    });
    expect(errorOf(result)).toMatch(/Valencia Port has expired/);
  });
});

describe("editing the licence", () => {
  it("shows the licences by name", () => {
    expect(plan({ kind: "edit_licence", payload: { licenceId: "pro" } })).toMatchObject({
      ok: true,
      changes: [{ field: "licenceId", before: "Starter", after: "Professional" }],
      updates: [{ set: { licenceId: "pro" } }],
    });
  });

  it("refuses the current licence and one the catalogue does not offer", () => {
    expect(errorOf(plan({ kind: "edit_licence", payload: { licenceId: "starter" } }))).toMatch(
      /other than the current one/,
    );
    expect(errorOf(plan({ kind: "edit_licence", payload: { licenceId: "gold" } }))).toMatch(
      /from the catalogue/,
    );
  });

  it("refuses a retired licence, and names the retired one an account moves away from", () => {
    expect(errorOf(plan({ kind: "edit_licence", payload: { licenceId: "legacy" } }))).toMatch(
      /from the catalogue/,
    );
    expect(
      plan(
        { kind: "edit_licence", payload: { licenceId: "pro" } },
        account({ licenceId: "legacy" }),
      ),
    ).toMatchObject({ ok: true, changes: [{ before: "Legacy", after: "Professional" }] });
  });
});

describe("upgrading meters", () => {
  it("lists only the values that change", () => {
    const result = plan({
      kind: "upgrade_meters",
      payload: {
        billManagementTypeId: "basic",
        rtmMeters: 4,
        additionalPods: 0,
        rtcLines: 2,
      },
    });
    expect(result).toMatchObject({
      ok: true,
      changes: [
        { field: "billManagementTypeId", before: null, after: "BM Basic" },
        { field: "rtmMeters", before: 0, after: 4 },
        { field: "rtcLines", before: 0, after: 2 },
      ],
    });
  });

  it("keeps a retired Bill Management type the account has, but never chooses one anew", () => {
    const upgrade = (billManagementTypeId: string) => ({
      kind: "upgrade_meters" as const,
      payload: { billManagementTypeId, rtmMeters: 4, additionalPods: 0, rtcLines: 0 },
    });
    expect(plan(upgrade("classic"), account({ billManagementTypeId: "classic" }))).toMatchObject({
      ok: true,
      changes: [{ field: "rtmMeters", before: 0, after: 4 }],
    });
    expect(errorOf(plan(upgrade("classic")))).toMatch(/Bill Management licence type/);
  });

  it("offers RTC lines only to accounts in Spain", () => {
    const french = account({ country: "FR" });
    expect(
      errorOf(
        plan(
          {
            kind: "upgrade_meters",
            payload: { billManagementTypeId: null, rtmMeters: 0, additionalPods: 0, rtcLines: 1 },
          },
          french,
        ),
      ),
    ).toMatch(/only available for accounts in Spain/);
  });

  it("refuses an upgrade that changes nothing", () => {
    expect(
      errorOf(
        plan({
          kind: "upgrade_meters",
          payload: {
            billManagementTypeId: null,
            rtmMeters: 0,
            additionalPods: 0,
            rtcLines: 0,
          },
        }),
      ),
    ).toMatch(/changes nothing/);
  });
});

describe("buying SMS credits", () => {
  it("adds the credits to the balance", () => {
    expect(plan({ kind: "buy_sms_credits", payload: { credits: 500 } })).toMatchObject({
      ok: true,
      changes: [{ field: "smsCredits", before: 100, after: 600 }],
    });
  });
});

describe("renewing a subscription", () => {
  it("adds a year from the current end date while the account is active", () => {
    expect(
      plan(
        { kind: "renew_subscription", payload: {} },
        account({ endsOn: "2026-06-02" }),
        "2026-06-01",
      ),
    ).toMatchObject({
      ok: true,
      changes: [{ field: "endsOn", before: "2026-06-02", after: "2027-06-02" }],
    });
  });

  it("starts a new year from today once the account has expired", () => {
    expect(
      plan(
        { kind: "renew_subscription", payload: {} },
        account({ endsOn: "2026-06-01" }),
        "2026-06-01",
      ),
    ).toMatchObject({
      ok: true,
      changes: [
        { field: "startsOn", before: "2026-01-10", after: "2026-06-01" },
        { field: "endsOn", before: "2026-06-01", after: "2027-06-01" },
      ],
    });
  });

  it("ends on the last day of February when renewed from 29 February", () => {
    expect(
      plan(
        { kind: "renew_subscription", payload: {} },
        account({ endsOn: "2028-02-29" }),
        "2028-01-15",
      ),
    ).toMatchObject({
      ok: true,
      changes: [{ after: "2029-02-28" }],
    });
    expect(
      plan(
        { kind: "renew_subscription", payload: {} },
        account({ endsOn: "2027-01-31" }),
        "2028-02-29",
      ),
    ).toMatchObject({
      ok: true,
      changes: [{ after: "2028-02-29" }, { after: "2029-02-28" }],
    });
  });
});

describe("an expired account", () => {
  it.each<ChangeRequest>([
    { kind: "edit_datapoints", payload: { change: 10 } },
    { kind: "edit_licence", payload: { licenceId: "pro" } },
    { kind: "buy_sms_credits", payload: { credits: 10 } },
  ])("cannot take a $kind application, only a renewal", (change) => {
    const expired = account({ endsOn: "2026-05-31" });
    expect(errorOf(plan(change, expired))).toMatch(/has expired: renew it/);
  });
});
