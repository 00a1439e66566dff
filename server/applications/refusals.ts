/** Why an application is refused, in the words the API answers with. */
import { and, eq } from "drizzle-orm";
import type { ApplicationKind, ChangeKind } from "../../shared/domain/applications.ts";
import type { AccountState } from "../../shared/domain/changes.ts";
import type { FieldError } from "../../shared/errors.ts";
import type { Database } from "../db/client.ts";
import { applications } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";

export async function pendingApplication(
  db: Database,
  accountId: string,
  kind: ApplicationKind,
): Promise<{ id: string } | undefined> {
  const [pending] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.accountId, accountId),
        eq(applications.kind, kind),
        eq(applications.status, "pending"),
      ),
    );
  return pending;
}

/** Names the pending application, so the requester can open or withdraw it. */
export async function alreadyPending(
  db: Database,
  accountId: string,
  kind: ApplicationKind,
): Promise<Problem> {
  const pending = await pendingApplication(db, accountId, kind);
  const link = pending ? `/api/v1/account-management/applications/${pending.id}` : undefined;
  return new Problem(
    "APPLICATION_ALREADY_PENDING",
    "This account already has a pending application of this kind: withdraw it or wait for its decision.",
    { extensions: pending ? { pendingApplicationId: pending.id, pendingApplication: link } : {} },
  );
}

export function nameTaken(name: string): Problem {
  return new Problem(
    "ACCOUNT_NAME_TAKEN",
    `An account or a pending request is already named "${name}".`,
    {
      errors: [{ field: "payload.name", message: "This name is already used in your portfolio" }],
    },
  );
}

/** A change the account's rules refuse: an expired account takes only a renewal. */
export function changeRefused(
  errors: FieldError[],
  account: AccountState,
  kind: ChangeKind,
): Problem {
  if (errors.some((error) => error.field === "accountId")) {
    return new Problem(
      "ACCOUNT_EXPIRED",
      `${account.name} has expired: only a renewal can be filed for it.`,
      { errors },
    );
  }
  return new Problem(
    "VALIDATION_FAILED",
    `This ${kind.replaceAll("_", " ")} application does not fit the account.`,
    { errors },
  );
}

export function noLongerValid(detail: string, errors: FieldError[] = []): Problem {
  return new Problem("APPLICATION_NO_LONGER_VALID", detail, { errors });
}

/** The application is not there (for this caller), or someone decided it first. */
export async function notPendingOrMissing(db: Database, id: string): Promise<Problem> {
  const [existing] = await db
    .select({ status: applications.status })
    .from(applications)
    .where(eq(applications.id, id));
  if (!existing) return notFound("application");
  return new Problem(
    "APPLICATION_NOT_PENDING",
    `This application was already ${existing.status}.`,
    { extensions: { applicationStatus: existing.status } },
  );
}
