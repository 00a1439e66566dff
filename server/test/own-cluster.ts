/**
 * A PostgreSQL cluster of the test's own, in a temporary folder on a port of its own, for tests that
 * stop or restart PostgreSQL: the machine's shared server is never restarted or reconfigured.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

export interface OwnCluster {
  url: string;
  /** Restarts it (fast shutdown, then start) while the test goes on sending requests. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Debian keeps the server programs beside each other; the newest version installed is used. */
export function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const bin = versions
    .map((version) => join(root, version, "bin"))
    .find((dir) => existsSync(join(dir, "initdb")));
  return bin;
}

export async function startOwnCluster(port: number): Promise<OwnCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL's server programs are not installed");
  const folder = await mkdtemp(join(tmpdir(), "wattfolio-cluster-"));
  // initdb refuses to run as root: as root, the cluster belongs to the postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    await chown(folder, uid, gid);
  }
  await chmod(folder, 0o700);
  const data = join(folder, "data");
  const command = (program: string, args: string[]): [string, string[]] =>
    asRoot
      ? ["runuser", ["-u", "postgres", "--", join(bin, program), ...args]]
      : [join(bin, program), args];
  const run = (program: string, args: string[]) =>
    execFileSync(...command(program, args), { stdio: "pipe", timeout: 60_000 });
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtlArgs = (...args: string[]) => [
    "-D",
    data,
    "-l",
    join(folder, "log"),
    "-o",
    options,
    "-w",
    ...args,
  ];
  run("pg_ctl", pgCtlArgs("start"));
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async () => {
      await promisify(execFile)(...command("pg_ctl", pgCtlArgs("restart", "-m", "fast")), {
        timeout: 60_000,
      });
    },
    stop: async () => {
      try {
        run("pg_ctl", pgCtlArgs("stop", "-m", "immediate"));
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}
