/**
 * `npm run bench:web`: Lighthouse (Debian's Chromium, headless) on the real server with the demo
 * portfolio — the sign-in page, and Account management signed in as the demo SuperAdmin — on a
 * phone (Lighthouse's mobile preset: slow 4G, 4× slower CPU) and on a desktop. Prints the
 * performance score, first and largest contentful paint, total blocking time and the JavaScript
 * transferred, each the median of `--runs=N` runs (1 unless said).
 *
 * The server runs on an embedded database in a temporary folder, on a free port (PORT to choose).
 *
 * The SuperAdmin's session is a cookie in Chromium's own jar, as a browser that signed in holds it.
 * Sent as an extra request header instead, it was dropped from the app's own requests once the app
 * had set its language cookie: the page was refused and Lighthouse measured the sign-in page.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Config, desktopConfig } from "lighthouse";
import puppeteer from "puppeteer-core";
import { buildClient } from "../scripts/build-client.ts";
import { DEMO_PASSWORD } from "../server/demo/seed.ts";
import { freePort, signIn, startServer, stopServer } from "./server.ts";

const SUPER_ADMIN = "ana@enerlogic.demo";
const CHROMIUM = "/usr/bin/chromium";

interface Figures {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  jsKiB: number;
}

async function measure(url: string, port: number, config: Config | undefined): Promise<Figures> {
  const flags = { port, logLevel: "error" as const, onlyCategories: ["performance"] };
  let result = await lighthouse(url, flags, config);
  // On a busy machine Chromium now and then misses the trace's start (NO_NAVSTART): measure again.
  for (let retry = 0; retry < 2 && result?.lhr.runtimeError; retry++) {
    result = await lighthouse(url, flags, config);
  }
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  if (lhr.finalDisplayedUrl !== url) {
    throw new Error(`Lighthouse measured ${lhr.finalDisplayedUrl} instead of ${url}`);
  }
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const requests = (lhr.audits["network-requests"]?.details as
    | { items: { resourceType?: string; transferSize?: number }[] }
    | undefined) ?? { items: [] };
  const jsBytes = requests.items
    .filter((item) => item.resourceType === "Script")
    .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcpMs: audit("first-contentful-paint"),
    lcpMs: audit("largest-contentful-paint"),
    tbtMs: audit("total-blocking-time"),
    jsKiB: jsBytes / 1024,
  };
}

/** Signs the demo SuperAdmin in and puts the session cookie in Chromium's jar (Lighthouse keeps it). */
async function signInChromium(port: number, origin: string): Promise<void> {
  const cookies = (await signIn(origin, SUPER_ADMIN, DEMO_PASSWORD)).split("; ").map((pair) => {
    const [name = "", ...value] = pair.split("=");
    const domain = new URL(origin).hostname;
    return {
      name,
      value: value.join("="),
      domain,
      path: "/",
      httpOnly: true,
      sameSite: "Lax" as const,
    };
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  try {
    await browser.setCookie(...cookies);
  } finally {
    await browser.disconnect();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const runs = Number(process.argv.find((arg) => arg.startsWith("--runs="))?.slice(7) ?? 1);
  await buildClient();
  const port = process.env.PORT ? Number(process.env.PORT) : await freePort();
  const origin = `http://localhost:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), "wattfolio-bench-web-"));
  const server = await startServer(port, {
    DATA_DIR: dataDir,
    // Measured as a visitor sees the demo: demo logins work outside production only.
    NODE_ENV: "development",
    PUBLIC_URL: origin,
    SEED_DEMO: "true",
  });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox"],
  });
  try {
    const pages = [
      { name: "Sign-in page", url: `${origin}/login`, signedIn: false },
      { name: "Account management", url: `${origin}/account-management`, signedIn: true },
    ];
    const devices: { name: string; config: Config | undefined }[] = [
      { name: "mobile", config: undefined },
      { name: "desktop", config: desktopConfig },
    ];
    console.log(`Lighthouse ${runs === 1 ? "(1 run)" : `(median of ${runs} runs)`}\n`);
    console.log(
      `${"page".padEnd(20)} ${"device".padEnd(8)} ${"score".padStart(5)} ${"FCP".padStart(8)} ${"LCP".padStart(8)} ${"TBT".padStart(8)} ${"JS".padStart(9)}`,
    );
    for (const page of pages) {
      if (page.signedIn) await signInChromium(chrome.port, origin);
      for (const device of devices) {
        const figures: Figures[] = [];
        for (let run = 0; run < runs; run++) {
          figures.push(await measure(page.url, chrome.port, device.config));
        }
        const of = (key: keyof Figures) => median(figures.map((figure) => figure[key]));
        console.log(
          `${page.name.padEnd(20)} ${device.name.padEnd(8)} ${String(of("score")).padStart(5)} ${`${(of("fcpMs") / 1000).toFixed(1)} s`.padStart(8)} ${`${(of("lcpMs") / 1000).toFixed(1)} s`.padStart(8)} ${`${Math.round(of("tbtMs"))} ms`.padStart(8)} ${`${Math.round(of("jsKiB"))} KiB`.padStart(9)}`,
        );
      }
    }
  } finally {
    chrome.kill();
    await stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
