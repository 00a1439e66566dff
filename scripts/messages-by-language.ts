/**
 * A Vite plugin that serves the catalogue (shared/i18n) one language at a time, as
 * `virtual:messages/en` and `virtual:messages/es`, each message already parsed into the syntax
 * tree react-intl formats. The browser downloads only the language on screen and never parses an
 * ICU message, so the web client ships without the ICU parser (aliased to its no-parser build).
 */
import { fileURLToPath } from "node:url";
import { parse } from "@formatjs/icu-messageformat-parser";
import { type Plugin, runnerImport } from "vite";
import { LANGUAGES } from "../shared/domain/languages.ts";
import type { catalogue as Catalogue } from "../shared/i18n/catalogue.ts";

const PREFIX = "virtual:messages/";
const CATALOGUE = fileURLToPath(new URL("../shared/i18n/catalogue.ts", import.meta.url));

export function messagesByLanguage(): Plugin {
  let catalogue: Promise<typeof Catalogue> | undefined;
  const load = () => {
    catalogue ??= runnerImport<{ catalogue: typeof Catalogue }>(CATALOGUE, {
      configFile: false,
    }).then(({ module }) => module.catalogue);
    return catalogue;
  };
  return {
    name: "wattfolio:messages-by-language",
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const language = LANGUAGES.find((known) => id === `\0${PREFIX}${known}`);
      if (!language) throw new Error(`No catalogue for ${id.slice(1)}`);
      const messages = (await load())[language];
      const trees = Object.fromEntries(
        Object.entries(messages).map(([key, message]) => [key, parse(message)]),
      );
      // JSON.parse reads a large literal faster than the same object written as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(trees))});`;
    },
    // The page downloads the catalogue alongside its code rather than after it has run, which
    // would add a round trip before the first paint. Each link names its language: the server
    // keeps only the visitor's (server/http/web-page.ts).
    transformIndexHtml: {
      order: "post",
      handler(_html, { bundle }) {
        if (!bundle) return undefined;
        return Object.values(bundle)
          .filter(
            (chunk) => chunk.type === "chunk" && chunk.facadeModuleId?.startsWith(`\0${PREFIX}`),
          )
          .map((chunk) => ({
            tag: "link",
            attrs: {
              rel: "modulepreload",
              crossorigin: true,
              href: `/${chunk.fileName}`,
              "data-language":
                chunk.type === "chunk" && chunk.facadeModuleId?.slice(PREFIX.length + 1),
            },
            injectTo: "head" as const,
          }));
      },
    },
    // While developing, an edited message reloads the page with the catalogue read again.
    handleHotUpdate({ file, server }) {
      if (!file.includes("/shared/i18n/")) return;
      catalogue = undefined;
      for (const language of LANGUAGES) {
        const module = server.moduleGraph.getModuleById(`\0${PREFIX}${language}`);
        if (module) server.moduleGraph.invalidateModule(module);
      }
      server.ws.send({ type: "full-reload" });
    },
  };
}
