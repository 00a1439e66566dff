/**
 * A Vite plugin that writes `.vite/pages.json` beside the built app: for each page
 * (`client/src/app/routes/<name>.tsx`) and for the signed-in layout (`layout`), the files its code
 * needs beyond those index.html already names. The server names them in the page it sends for that
 * address (server/http/web-page.ts), so a phone downloads a page's code alongside the app's rather
 * than once the app's code has run and asked for it, a round trip later.
 */
import type { OutputChunk } from "rollup";
import type { Plugin } from "vite";

export const PAGE_FILES = ".vite/pages.json";

const PAGE_MODULE = /\/client\/src\/app\/(?:routes\/([\w-]+)|(layout))\.tsx$/;

export function pageFiles(): Plugin {
  return {
    name: "wattfolio:page-files",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((output): output is OutputChunk => output.type === "chunk")
          .map((chunk) => [chunk.fileName, chunk]),
      );
      /** A chunk and every chunk it imports statically, which load before it runs. */
      const withImports = (fileName: string, files = new Set<string>()): Set<string> => {
        if (files.has(fileName)) return files;
        files.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) withImports(imported, files);
        return files;
      };
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      if (!entry) return;
      const named = withImports(entry.fileName);
      const pages: Record<string, string[]> = {};
      for (const chunk of chunks.values()) {
        for (const id of chunk.moduleIds) {
          const page = PAGE_MODULE.exec(id);
          const name = page?.[1] ?? page?.[2];
          if (!name) continue;
          pages[name] = [...withImports(chunk.fileName)]
            .filter((file) => !named.has(file))
            .map((file) => `/${file}`);
        }
      }
      this.emitFile({ type: "asset", fileName: PAGE_FILES, source: JSON.stringify(pages) });
    },
  };
}
