/**
 * `npm run sweep`: sweeps for reminders once and delivers the mail that is due, then exits; for
 * cron jobs and for checking a deployment. Running servers do the same every minute by themselves.
 */
import pino from "pino";
import { systemClock } from "../../shared/domain/clock.ts";
import { loadConfig } from "../config.ts";
import { DataFolderInUseError, openDatabase } from "../db/client.ts";
import { transportFor } from "../mail/transports.ts";
import { createNotices } from "../notices/notices.ts";
import { openTestClock } from "../test-clock/test-clock.ts";
import { createLifecycle } from "./schedule.ts";

const config = loadConfig();
const database = await openDatabase(config.database).catch((error: unknown) => {
  if (error instanceof DataFolderInUseError) {
    console.error(
      `${error.message}\nWhile the server runs, it sweeps every minute; Customer Success can also run the sweep now from the app (POST /api/v1/reminders/sweep).`,
    );
    process.exit(1);
  }
  throw error;
});
const testClock = config.testClock ? await openTestClock(database.db, systemClock) : undefined;
const transport = transportFor(config.mail, database.db);
const lifecycle = createLifecycle({
  db: database.db,
  clock: testClock ?? systemClock,
  refreshClock: testClock?.refresh,
  notices: createNotices(config.publicUrl),
  transport,
  lifecycle: config.lifecycle,
  mail: config.mail,
  webhooks: config.webhooks,
  publicUrl: config.publicUrl,
  log: pino({ level: config.logLevel }),
});
try {
  const { reminders, mails } = await lifecycle.sweep();
  const delivered = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const batch = await lifecycle.dispatch();
    delivered.sent += batch.sent;
    delivered.retrying += batch.retrying;
    delivered.failed += batch.failed;
    if (batch.sent + batch.retrying + batch.failed < config.mail.batchSize) break;
  }
  const where = transport.kind === "smtp" ? "through SMTP" : "to the in-app mailbox";
  console.log(
    `Reminders sent: ${reminders} (${mails} e-mail${mails === 1 ? "" : "s"} queued). Delivered ${where}: ${delivered.sent}; to retry: ${delivered.retrying}; failed: ${delivered.failed}.`,
  );
} finally {
  transport.close();
  await database.close();
}
