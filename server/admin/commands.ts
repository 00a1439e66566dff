/**
 * The operator's commands (`npm run admin -- <command>`), as a function of their arguments so that
 * tests run them on a test database. `create-staff` starts an empty installation: it invites the
 * first Customer Success user and prints the one-time link to choose a password.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Clock } from "../../shared/domain/clock.ts";
import type { Database } from "../db/client.ts";
import { Problem } from "../errors.ts";
import { inviteUser } from "../invitations/invite-user.ts";

const USAGE = 'Usage: npm run admin -- create-staff --email <address> --name "<full name>"';

export interface AdminContext {
  db: Database;
  clock: Clock;
  publicUrl: string;
  /** Where the command's lines go (stdout from the command line). */
  print: (line: string) => void;
}

/** Runs one command; answers the process's exit code (refusals are told, not thrown). */
export async function runAdminCommand(args: string[], context: AdminContext): Promise<number> {
  const [command, ...rest] = args;
  if (command !== "create-staff") {
    context.print(command === undefined ? USAGE : `Unknown command: ${command}\n${USAGE}`);
    return 2;
  }
  let options: { email?: string | undefined; name?: string | undefined };
  try {
    options = parseArgs({
      args: rest,
      options: { email: { type: "string" }, name: { type: "string" } },
      strict: true,
    }).values;
  } catch (error) {
    context.print(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const email = options.email?.trim() ?? "";
  const name = options.name?.trim() ?? "";
  if (!email || !name) {
    context.print(USAGE);
    return 2;
  }
  if (!z.email().safeParse(email).success) {
    context.print(`Not an e-mail address: ${email}`);
    return 2;
  }
  try {
    const { invitation, link } = await inviteUser({
      db: context.db,
      clock: context.clock,
      publicUrl: context.publicUrl,
      invitedBy: null,
      partnerId: null,
      userType: null,
      email,
      name,
    });
    context.print(
      [
        `Invited ${name} <${invitation.email}> to Customer Success.`,
        "Open this link to choose a password (it works once, until",
        `${invitation.expiresAt.toISOString()}):`,
        "",
        `  ${link}`,
        "",
        "The same link is queued as an e-mail; a running server delivers it (through SMTP_URL, or to the in-app mailbox).",
      ].join("\n"),
    );
    return 0;
  } catch (error) {
    if (error instanceof Problem) {
      context.print(`Not invited: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
