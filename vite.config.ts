import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { messagesByLanguage } from "./scripts/messages-by-language.ts";
import { pageFiles } from "./scripts/page-files.ts";
import { precompress } from "./scripts/precompress.ts";

/**
 * Each Tabler icon from its own module: the package's index re-exports 6,500 icons, which Rollup
 * would otherwise read on every build (most of its modules and of its time) to keep a few dozen.
 */
function iconsOneByOne(): Plugin {
  const namedImport = /import\s*\{([^}]*)\}\s*from\s*"@tabler\/icons-react";/g;
  return {
    name: "wattfolio:icons-one-by-one",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("/client/src/") || !code.includes("@tabler/icons-react")) return;
      return code.replace(namedImport, (statement, list: string) => {
        const names = list
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean);
        if (!names.every((name) => /^Icon\w+$/.test(name))) return statement;
        return names
          .map((name) => `import ${name} from "@tabler/icons-react/icons/${name}";`)
          .join("");
      });
    },
  };
}

/**
 * React, which every page runs, in a chunk of its own that stays cached while the app's code
 * changes; the icons together rather than one request each; zod, which only forms need, apart;
 * Mantine and the packages it builds on in one chunk. Left to Rollup, Mantine came in 40 chunks of
 * a few KB, and a phone on a slow network spent more on the requests than on the bytes.
 */
const MANTINE =
  /\/node_modules\/(@mantine|@floating-ui|react-remove-scroll|react-transition-group|use-callback-ref|use-sidecar|react-style-singleton|react-number-format|react-textarea-autosize|tabbable|clsx)\//;

function chunkOf(id: string): string | undefined {
  if (/\/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return "react";
  if (id.includes("/node_modules/@tabler/icons-react/")) return "icons";
  if (id.includes("/node_modules/zod/")) return "zod";
  if (MANTINE.test(id)) return "mantine";
  return undefined;
}

export default defineConfig({
  root: "client",
  plugins: [react(), iconsOneByOne(), messagesByLanguage(), pageFiles(), precompress()],
  resolve: {
    alias: [
      // The client imports the pure domain as `@shared/…`, the same files the server reads.
      { find: "@shared", replacement: fileURLToPath(new URL("./shared", import.meta.url)) },
      // Its messages arrive parsed (messagesByLanguage): formatting needs no parser.
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: "@formatjs/icu-messageformat-parser/no-parser.js",
      },
    ],
  },
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    rollupOptions: {
      // Our own small modules (a hook, a badge) join a chunk loaded with them rather than each
      // being a request of its own: 83 chunks became 29.
      output: { manualChunks: chunkOf, experimentalMinChunkSize: 20_000 },
      // Our own modules only declare things (zod schemas are calls, which Rollup would otherwise
      // keep): a page that imports one export of a feature's index no longer loads the whole
      // feature's schemas, and zod with them, into the first download.
      treeshake: {
        moduleSideEffects: (id) => id.includes("/node_modules/") || !/\.tsx?$/.test(id),
      },
      onwarn(warning, warn) {
        // zod's sources carry explanatory comments beside `@__PURE__` marks; Rollup drops them
        // and says so on every build. Nothing is wrong with the bundle.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/zod/")) {
          return;
        }
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:3000", "/healthz": "http://localhost:3000" },
  },
});
