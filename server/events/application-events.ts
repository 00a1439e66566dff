/**
 * The `application.*` events, recorded in the transaction that files, decides or withdraws an
 * application. The application is read back in that transaction, so the event carries it as it now
 * is (a new account's id once its approval created it), with the names an integrator's message needs.
 */
import { eq, inArray } from "drizzle-orm";
import { describeApplication } from "../../shared/i18n/describe-application.ts";
import { partnerAccounts } from "../access/scope.ts";
import { describingNames } from "../accounts/names.ts";
import type { CatalogueReader } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import { applications, users } from "../db/schema/index.ts";
import { translator } from "../i18n/translate.ts";
import { recordEvent } from "./record-event.ts";

type ApplicationEventType =
  | "application.filed"
  | "application.approved"
  | "application.rejected"
  | "application.withdrawn";

export async function recordApplicationEvent(
  tx: Database,
  type: ApplicationEventType,
  {
    applicationId,
    catalogue,
    now,
  }: { applicationId: string; catalogue: CatalogueReader; now: Date },
): Promise<void> {
  const [a] = await tx.select().from(applications).where(eq(applications.id, applicationId));
  if (!a) throw new Error(`no application ${applicationId} to record an event of`);
  const people = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [a.requestedBy, ...(a.decidedBy ? [a.decidedBy] : [])]));
  const person = (id: string) => ({ id, name: people.find((p) => p.id === id)?.name ?? "" });
  const { names } = await describingNames(tx, {
    scope: partnerAccounts(a.partnerId),
    catalogue,
    accountIds: [a.accountId, a.targetAccountId],
  });
  const subject = {
    applicationId: a.id,
    kind: a.kind,
    accountId: a.accountId,
    accountName: (a.accountId && names.account(a.accountId)) || String(a.payload.name ?? ""),
    targetAccountId: a.targetAccountId,
    targetAccountName: a.targetAccountId ? (names.account(a.targetAccountId) ?? "") : null,
    // Integrators read one language: the catalogue's English.
    summary: describeApplication(a.kind, a.payload, names, translator("en")),
    payload: a.payload,
    requestedBy: person(a.requestedBy),
    requestedAt: a.requestedAt.toISOString(),
    comment: a.comment,
  };
  const envelope = { partnerId: a.partnerId, accountId: a.accountId, occurredAt: now };
  const decidedBy = a.decidedBy ? person(a.decidedBy) : null;
  switch (type) {
    case "application.filed":
      return recordEvent(tx, { ...envelope, type, data: subject });
    case "application.approved":
      return recordEvent(tx, {
        ...envelope,
        type,
        data: {
          ...subject,
          decidedBy,
          decidedAutomatically: a.decidedAutomatically,
          decisionComment: a.decisionComment ?? "",
        },
      });
    case "application.rejected":
      if (!decidedBy) throw new Error(`application ${a.id} was rejected by no one`);
      return recordEvent(tx, {
        ...envelope,
        type,
        data: { ...subject, decidedBy, decisionComment: a.decisionComment ?? "" },
      });
    case "application.withdrawn":
      if (!decidedBy) throw new Error(`application ${a.id} was withdrawn by no one`);
      return recordEvent(tx, { ...envelope, type, data: { ...subject, withdrawnBy: decidedBy } });
  }
}
