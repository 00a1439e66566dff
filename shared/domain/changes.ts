/**
 * What an application does to an account, as a plan of before → after values. The same plan is
 * shown in the form, checked when the application is filed, and checked again (against the account
 * as it is then) and applied when Customer Success approves it.
 */

import type { FieldError } from "../errors.ts";
import { accountStatus, MIN_DATAPOINTS, RTC_COUNTRY, rtcLinesAllowed } from "./accounts.ts";
import type { ChangeRequest } from "./application-requests.ts";
import { addMonths, type CalendarDate } from "./calendar.ts";
import { isChoosable } from "./catalogue.ts";

/** A renewal adds one year. */
export const RENEWAL_MONTHS = 12;

/** The part of an account that applications change, and what their rules read. */
export interface AccountState {
  id: string;
  name: string;
  country: string;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  datapointsContracted: number;
  datapointsUsed: number;
  licenceId: string;
  billManagementTypeId: string | null;
  rtmMeters: number;
  additionalPods: number;
  rtcLines: number;
  smsCredits: number;
}

export type Entitlement = keyof Omit<AccountState, "id" | "name" | "country" | "datapointsUsed">;

export interface Change {
  accountId: string;
  field: Entitlement;
  before: string | number | null;
  after: string | number | null;
}

/** What the catalogue offers now, by id; an id it does not know (or no longer offers) is undefined. */
export interface CatalogueNames {
  licence(id: string): string | undefined;
  billManagementType(id: string): string | undefined;
}

/**
 * The catalogue as a plan reads it: what is chosen must be on offer, while before → after names
 * entries by every name the catalogue has, so that a retired licence an account still has keeps
 * its name in the review and the history.
 */
export interface PlanCatalogue {
  offered: CatalogueNames;
  names: CatalogueNames;
}

export type Plan =
  | {
      ok: true;
      changes: Change[];
      updates: { accountId: string; set: Partial<Pick<AccountState, Entitlement>> }[];
    }
  | { ok: false; errors: FieldError[] };

/** A change (its kind narrows its payload) and the accounts as they are when it is planned. */
type PlanInput = ChangeRequest & {
  account: AccountState;
  /** The receiving account of a move. */
  target?: AccountState | undefined;
  /** Today in the partner's time zone. */
  today: CalendarDate;
  catalogue: PlanCatalogue;
};

const refuse = (field: string, message: string): Plan => ({
  ok: false,
  errors: [{ field, message }],
});

/** Names, not ids, in before → after: that is what people read in a review or a history. */
function shown(
  field: Entitlement,
  value: string | number | null,
  catalogue: CatalogueNames,
): string | number | null {
  if (value === null) return null;
  if (field === "licenceId") return catalogue.licence(String(value)) ?? String(value);
  if (field === "billManagementTypeId")
    return catalogue.billManagementType(String(value)) ?? String(value);
  return value;
}

function planOf(
  updates: { account: AccountState; set: Partial<Pick<AccountState, Entitlement>> }[],
  { names }: PlanCatalogue,
): Plan {
  const changes: Change[] = [];
  for (const { account, set } of updates) {
    for (const [field, after] of Object.entries(set) as [Entitlement, string | number | null][]) {
      if (account[field] === after) continue;
      changes.push({
        accountId: account.id,
        field,
        before: shown(field, account[field], names),
        after: shown(field, after, names),
      });
    }
  }
  if (changes.length === 0) return refuse("payload", "This changes nothing on the account");
  return {
    ok: true,
    changes,
    updates: updates.map(({ account, set }) => ({ accountId: account.id, set })),
  };
}

/** Datapoints may never go below the minimum contract nor below what the account uses now. */
function floorOf(account: AccountState): number {
  return Math.max(MIN_DATAPOINTS, account.datapointsUsed);
}

function removalProblem(account: AccountState, removing: number): string | undefined {
  const after = account.datapointsContracted - removing;
  if (after < MIN_DATAPOINTS) {
    return `${account.name} must keep at least ${MIN_DATAPOINTS} datapoints: at most ${account.datapointsContracted - floorOf(account)} can be removed`;
  }
  if (after < account.datapointsUsed) {
    return `${account.name} uses ${account.datapointsUsed} datapoints: at most ${account.datapointsContracted - floorOf(account)} can be removed`;
  }
  return undefined;
}

export function planChange(input: PlanInput): Plan {
  const { account, today, catalogue } = input;
  const active = accountStatus(account.endsOn, today) === "active";
  if (input.kind !== "renew_subscription" && !active) {
    return refuse("accountId", `${account.name} has expired: renew it before changing it`);
  }
  switch (input.kind) {
    case "edit_datapoints": {
      const { change } = input.payload;
      if (change < 0) {
        const problem = removalProblem(account, -change);
        if (problem) return refuse("payload.change", problem);
      }
      return planOf(
        [{ account, set: { datapointsContracted: account.datapointsContracted + change } }],
        catalogue,
      );
    }
    case "move_datapoints": {
      const { datapoints, targetAccountId } = input.payload;
      const target = input.target;
      if (!target || target.id !== targetAccountId) {
        return refuse("payload.targetAccountId", "Choose another account of your portfolio");
      }
      if (target.id === account.id)
        return refuse("payload.targetAccountId", "Choose another account than this one");
      if (accountStatus(target.endsOn, today) !== "active") {
        return refuse(
          "payload.targetAccountId",
          `${target.name} has expired: renew it before moving datapoints to it`,
        );
      }
      const problem = removalProblem(account, datapoints);
      if (problem) return refuse("payload.datapoints", problem);
      return planOf(
        [
          { account, set: { datapointsContracted: account.datapointsContracted - datapoints } },
          {
            account: target,
            set: { datapointsContracted: target.datapointsContracted + datapoints },
          },
        ],
        catalogue,
      );
    }
    case "edit_licence": {
      const { licenceId } = input.payload;
      if (!isChoosable(catalogue.offered.licence, licenceId, account.licenceId))
        return refuse("payload.licenceId", "Choose a licence from the catalogue");
      if (licenceId === account.licenceId)
        return refuse("payload.licenceId", "Choose a licence other than the current one");
      return planOf([{ account, set: { licenceId } }], catalogue);
    }
    case "upgrade_meters": {
      const upgrade = input.payload;
      if (
        upgrade.billManagementTypeId !== null &&
        !isChoosable(
          catalogue.offered.billManagementType,
          upgrade.billManagementTypeId,
          account.billManagementTypeId,
        )
      ) {
        return refuse(
          "payload.billManagementTypeId",
          "Choose a Bill Management licence type from the catalogue",
        );
      }
      if (upgrade.rtcLines > 0 && !rtcLinesAllowed(account.country)) {
        return refuse(
          "payload.rtcLines",
          `RTC lines are only available for accounts in Spain (${RTC_COUNTRY})`,
        );
      }
      return planOf([{ account, set: upgrade }], catalogue);
    }
    case "buy_sms_credits": {
      const { credits } = input.payload;
      return planOf([{ account, set: { smsCredits: account.smsCredits + credits } }], catalogue);
    }
    case "renew_subscription": {
      // Renewed early, the year runs on from the current end; once expired, from today.
      const set = active
        ? { endsOn: addMonths(account.endsOn, RENEWAL_MONTHS) }
        : { startsOn: today, endsOn: addMonths(today, RENEWAL_MONTHS) };
      return planOf([{ account, set }], catalogue);
    }
  }
}
