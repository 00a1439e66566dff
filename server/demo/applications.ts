/**
 * The demo's applications, filed and decided through the real use cases: some approved, one
 * rejected, a renewal approved by its rule, and some still pending for the review queue.
 */
import type { FileApplicationBody } from "../../shared/api/applications.ts";
import type { CalendarDate } from "../../shared/domain/calendar.ts";
import type { PartnerUserActor } from "../access/actor.ts";
import { approveApplication, rejectApplication } from "../applications/decide-application.ts";
import { fileApplication } from "../applications/file-application.ts";
import { loadCatalogue } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import type { accounts } from "../db/schema/index.ts";
import type { Notices } from "../notices/notices.ts";

interface DemoApplications {
  db: Database;
  /** The SuperAdmin who files them. */
  admin: PartnerUserActor;
  /** The Customer Success user who decides them. */
  reviewer: { userId: string };
  /** The partner's accounts, as seeded. */
  seeded: (typeof accounts.$inferSelect)[];
  /** The partner's date. */
  today: CalendarDate;
  now: Date;
  /** New accounts to file last, one an hour back from now: they stay pending. */
  newAccounts: FileApplicationBody[];
  licenceIds: string[];
  notices: Notices;
}

export async function seedApplications({
  db,
  admin,
  reviewer,
  seeded,
  today,
  now,
  newAccounts,
  licenceIds,
  notices,
}: DemoApplications): Promise<void> {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const file = (filing: FileApplicationBody, hours: number) =>
    fileApplication({
      db,
      actor: admin,
      filing,
      now: hoursAgo(hours),
      notices,
      catalogue: loadCatalogue,
    });
  const decide = async (
    id: string,
    decision: "approve" | "reject",
    comment: string,
    hours: number,
  ) => {
    const decideWith = decision === "approve" ? approveApplication : rejectApplication;
    await decideWith({
      db,
      actor: reviewer,
      applicationId: id,
      comment,
      now: hoursAgo(hours),
      notices,
      catalogue: loadCatalogue,
    });
  };
  const active = seeded.filter((account) => account.endsOn > today);
  const roomy = active.filter(
    (account) => account.datapointsContracted - Math.max(20, account.datapointsUsed) >= 30,
  );
  const [grown, texted, relicensed, trimmed, mover, receiver] = [
    active[0],
    active[1],
    active[2],
    roomy[0],
    roomy[1],
    active[3],
  ];
  const expired = seeded.find((account) => account.endsOn <= today);
  if (!grown || !texted || !relicensed || !trimmed || !mover || !receiver || !expired) return;

  const growth = await file(
    {
      kind: "edit_datapoints",
      accountId: grown.id,
      payload: { change: 100 },
      comment: "New chiller plant to meter",
    },
    96,
  );
  await decide(growth, "approve", "Approved, enjoy the new datapoints.", 94);
  const sms = await file(
    { kind: "buy_sms_credits", accountId: texted.id, payload: { credits: 500 } },
    72,
  );
  await decide(sms, "approve", "", 71);
  const otherLicence = licenceIds.find((id) => id !== relicensed.licenceId) as string;
  const licence = await file(
    { kind: "edit_licence", accountId: relicensed.id, payload: { licenceId: otherLicence } },
    50,
  );
  await decide(
    licence,
    "reject",
    "Please ask your account manager for a quote for this licence first.",
    48,
  );
  await file({ kind: "renew_subscription", accountId: expired.id, payload: {} }, 30);

  await file(
    {
      kind: "edit_datapoints",
      accountId: trimmed.id,
      payload: { change: -10 },
      comment: "Two meters removed",
    },
    6,
  );
  await file(
    {
      kind: "move_datapoints",
      accountId: mover.id,
      payload: { datapoints: 20, targetAccountId: receiver.id },
    },
    5,
  );
  for (const [j, filing] of newAccounts.entries()) await file(filing, j + 1);
}
