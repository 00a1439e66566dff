/** `npm run admin -- create-staff --email a@b.c --name "…"`: see ./commands.ts. */
import { systemClock } from "../../shared/domain/clock.ts";
import { loadConfig } from "../config.ts";
import { DataFolderInUseError, openDatabase } from "../db/client.ts";
import { runAdminCommand } from "./commands.ts";

const config = loadConfig();
const database = await openDatabase(config.database).catch((error: unknown) => {
  if (error instanceof DataFolderInUseError) {
    console.error(
      `${error.message}\nStop the server, run the command, then start the server again.`,
    );
    process.exit(1);
  }
  throw error;
});
try {
  process.exitCode = await runAdminCommand(process.argv.slice(2), {
    db: database.db,
    clock: systemClock,
    publicUrl: config.publicUrl,
    print: (line) => console.log(line),
  });
} finally {
  await database.close();
}
