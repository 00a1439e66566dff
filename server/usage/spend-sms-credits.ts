/** Spending SMS credits: never below zero, never on an expired account. */
import { sql } from "drizzle-orm";
import type { SmsSpendingResult } from "../../shared/api/usage.ts";
import { DEFAULT_SMS_CREDITS_LOW_LEVEL } from "../../shared/domain/events.ts";
import type { IntegrationActor } from "../access/actor.ts";
import { type Database, queryRows } from "../db/client.ts";
import { accounts, events, smsSpendings, usageAlerts, usageLedger } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";
import { type Remembering, rememberAnswer } from "./idempotency.ts";
import { expired, type Outcome, target } from "./statements.ts";
/** Spends SMS credits from an active account's balance, or refuses with the balance. */
export async function spendSmsCredits({
  db,
  caller,
  accountId,
  credits,
  now,
  remembering,
}: {
  db: Database;
  caller: IntegrationActor;
  accountId: string;
  credits: number;
  now: Date;
  remembering: Remembering | null;
}): Promise<SmsSpendingResult> {
  const [outcome] = await queryRows<Outcome<SmsSpendingResult>>(
    db,
    sql`with ${target(caller, accountId, now)},
    spent as (
      update ${accounts} set sms_credits = sms_credits - ${credits}::int
      where id = (select id from target where active) and sms_credits >= ${credits}::int
      returning id, partner_id, sms_credits, datapoints_used, datapoints_contracted
    ),
    recorded as (
      insert into ${smsSpendings} (partner_id, account_id, credits, api_key_id, spent_at)
      select partner_id, id, ${credits}::int, ${caller.apiKeyId}::uuid, ${now.toISOString()}::timestamptz
      from spent
    ),
    ledger as (
      insert into ${usageLedger} (partner_id, account_id, entry, recorded_at, sms_credits_delta,
        datapoints_used, datapoints_contracted, sms_credits, api_key_id)
      select partner_id, id, 'sms_spent', ${now.toISOString()}::timestamptz, -${credits}::int,
        datapoints_used, datapoints_contracted, sms_credits, ${caller.apiKeyId}::uuid
      from spent
    ),
    -- Raised only when not raised already: one warning per fall below the level (see registering).
    alerted as (
      insert into ${usageAlerts} as a (account_id, partner_id, sms_credits_low)
      select id, partner_id, true from spent where sms_credits < ${DEFAULT_SMS_CREDITS_LOW_LEVEL}::int
      on conflict (account_id) do update set sms_credits_low = true where not a.sms_credits_low
      returning account_id, partner_id
    ),
    announced as (
      insert into ${events} (type, partner_id, account_id, occurred_at, data)
      select 'sms_credits.low', alerted.partner_id, alerted.account_id, ${now.toISOString()}::timestamptz,
        jsonb_build_object('accountId', alerted.account_id, 'smsCreditsLeft', spent.sms_credits,
          'level', ${DEFAULT_SMS_CREDITS_LOW_LEVEL}::int)
      from alerted cross join spent
    ),
    answer as (
      select jsonb_build_object('spent', ${credits}::int, 'smsCredits', jsonb_build_object('left', sms_credits)) as body
      from spent
    )${rememberAnswer(remembering, sql`answer`, sql`body`)}
    select target.active, target.ends_on, answer.body from target left join answer on true`,
  );
  if (!outcome) throw notFound("account");
  if (outcome.body) return outcome.body;
  if (!outcome.active) throw expired(outcome.ends_on, "SMS spending");
  const [account] = await queryRows<{ balance: number }>(
    db,
    sql`select ${accounts.smsCredits} as balance from ${accounts} where ${accounts.id} = ${accountId}`,
  );
  const balance = account?.balance ?? 0;
  throw new Problem(
    "INSUFFICIENT_SMS_CREDITS",
    `Spending ${credits} SMS credits needs more than the balance of ${balance}; nothing was spent.`,
    { extensions: { smsCreditsLeft: balance } },
  );
}
