/**
 * `npm run fleet`: three instances on the PostgreSQL database DATABASE_URL behind HAProxy
 * (deploy/haproxy.cfg), on this machine, until Ctrl-C. FLEET_PORT is HAProxy's port (8080); the
 * instances take the three ports after it and HAProxy's stats page the fourth. AUTH_SECRET is
 * used when set, otherwise one is made for this run (sessions then end with it).
 */
import { startFleet } from "./fleet.ts";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("Set DATABASE_URL to the PostgreSQL database the fleet should share.");
  process.exit(1);
}
const port = Number(process.env.FLEET_PORT ?? 8080);

const fleet = await startFleet({
  databaseUrl,
  port,
  authSecret: process.env.AUTH_SECRET,
  echo: true,
});
console.log(
  [
    "",
    `  Wattfolio is running at ${fleet.url} (HAProxy, round robin)`,
    ...fleet.instances.map((i) => `    ${i.name}  ${i.url}  pid ${i.process.pid}`),
    `  HAProxy's figures: ${fleet.statsUrl}`,
    "  Ctrl-C stops everything.",
    "",
  ].join("\n"),
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await fleet.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
