/**
 * Builds the web client only when its sources changed since the last build: a digest of every
 * input is stamped into the build once it succeeded, and a start whose inputs hash the same serves
 * that build as it is (`npm start` in seconds instead of a Vite build each time).
 */
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** What the bundle is made of; test files never reach it. */
export const CLIENT_INPUTS = [
  "client",
  "shared",
  "vite.config.ts",
  "scripts/precompress.ts",
  "scripts/messages-by-language.ts",
  "tsconfig.json",
  "package-lock.json",
];
const STAMP = ".build-stamp";

async function filesUnder(root: string, path: string): Promise<string[]> {
  const entries = await readdir(join(root, path), { withFileTypes: true, recursive: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOTDIR") return null;
      throw error;
    },
  );
  if (entries === null) return [path];
  return entries
    .filter((entry) => entry.isFile() && !entry.name.includes(".test."))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** A digest of the inputs' paths and contents, the same on every machine for the same sources. */
export async function inputsDigest(
  root: string,
  inputs: string[] = CLIENT_INPUTS,
): Promise<string> {
  const files = (await Promise.all(inputs.map((input) => filesUnder(root, input))))
    .flat()
    .map((file) => file.split(sep).join("/"))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Whether `outDir` holds a finished build of exactly these inputs. */
export async function isBuildOf(outDir: string, digest: string): Promise<boolean> {
  const stamp = await readFile(join(outDir, STAMP), "utf8").catch(() => "");
  return stamp.trim() === digest;
}

export async function stampBuild(outDir: string, digest: string): Promise<void> {
  await writeFile(join(outDir, STAMP), `${digest}\n`);
}

/**
 * Builds the web client into dist/client unless the build there is of the current sources. At
 * install (`npm install` runs it as `prepare`), so that the first `npm start` only starts; an
 * install without the dev dependencies (`--omit=dev`) has no Vite and leaves the build to
 * `npm run build`.
 */
export async function buildClient({ atInstall = false } = {}): Promise<void> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const outDir = join(root, "dist", "client");
  const digest = await inputsDigest(root);
  if (await isBuildOf(outDir, digest)) return;
  const vite = await import("vite").catch(() => undefined);
  if (!vite && atInstall) {
    console.log("Vite is not installed (--omit=dev): build the web client with npm run build.");
    return;
  }
  console.log("Building the web client (its sources changed since the last build)…");
  const { build } = vite ?? (await import("vite"));
  // Vite empties outDir first, so a build cut short leaves no stamp and is redone next time.
  await build({ configFile: join(root, "vite.config.ts"), logLevel: "warn" });
  await stampBuild(outDir, digest);
}

if (import.meta.main) await buildClient({ atInstall: process.argv.includes("--at-install") });
