import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inputsDigest, isBuildOf, stampBuild } from "./build-client.ts";

let root: string;
const inputs = ["client", "vite.config.ts"];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "wattfolio-build-"));
  await mkdir(join(root, "client", "src"), { recursive: true });
  await mkdir(join(root, "dist", "client"), { recursive: true });
  await writeFile(join(root, "client", "src", "main.tsx"), "render(<App />);");
  await writeFile(join(root, "vite.config.ts"), "export default {};");
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("building the web client when it is needed", () => {
  const outDir = () => join(root, "dist", "client");

  it("serves the last build as it is when no source changed since", async () => {
    await stampBuild(outDir(), await inputsDigest(root, inputs));
    expect(await isBuildOf(outDir(), await inputsDigest(root, inputs))).toBe(true);
  });

  it("builds again when a source file changed, was added, or the build configuration did", async () => {
    const stamped = await inputsDigest(root, inputs);
    await stampBuild(outDir(), stamped);
    await writeFile(join(root, "client", "src", "main.tsx"), "render(<App strict />);");
    expect(await isBuildOf(outDir(), await inputsDigest(root, inputs))).toBe(false);

    await stampBuild(outDir(), await inputsDigest(root, inputs));
    await writeFile(join(root, "client", "src", "page.tsx"), "export {};");
    expect(await isBuildOf(outDir(), await inputsDigest(root, inputs))).toBe(false);

    await stampBuild(outDir(), await inputsDigest(root, inputs));
    await writeFile(join(root, "vite.config.ts"), "export default { base: '/' };");
    expect(await isBuildOf(outDir(), await inputsDigest(root, inputs))).toBe(false);
  });

  it("builds when there is no finished build (none yet, or one cut short before its stamp)", async () => {
    expect(await isBuildOf(outDir(), await inputsDigest(root, inputs))).toBe(false);
  });

  it("does not build again for a changed test file, which never reaches the bundle", async () => {
    await stampBuild(outDir(), await inputsDigest(root, inputs));
    await writeFile(join(root, "client", "src", "main.test.ts"), "it('works', () => {});");
    expect(await isBuildOf(outDir(), await inputsDigest(root, inputs))).toBe(true);
  });
});
