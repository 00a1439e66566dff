import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../shared/i18n/catalogue.ts";
import { literalParts, localiseWith } from "../../shared/i18n/server-words.ts";
import { translator } from "./translate.ts";

const spanish = translator("es");
const english = translator("en");

describe("the schemas' and the server's English words", () => {
  it("reach a Spanish reader in Spanish when a schema wrote them", () => {
    expect(localiseWith("Choose English or Spanish", "es", spanish)).toBe("Elige inglés o español");
    expect(localiseWith("Application already decided", "es", spanish)).toBe(
      "La solicitud ya está decidida",
    );
    expect(localiseWith("This name is already used in your portfolio", "es", spanish)).toBe(
      "Este nombre ya se usa en tu cartera",
    );
  });

  it("keep the numbers and names they were written with, in Spanish numbers", () => {
    expect(
      localiseWith(
        "Madrid HQ must keep at least 20 datapoints: at most 1180 can be removed",
        "es",
        spanish,
      ),
    ).toBe(
      "Madrid HQ tiene que conservar al menos 20 puntos de datos: se pueden quitar como mucho 1180",
    );
    expect(localiseWith("Add at most 1,000,000 datapoints at once", "es", spanish)).toBe(
      "Añade como mucho 1.000.000 puntos de datos de una vez",
    );
    expect(localiseWith("RTC lines cannot exceed 1,000,000", "es", spanish)).toBe(
      "Líneas RTC: como mucho 1.000.000",
    );
    expect(
      localiseWith('An account or a pending request is already named "1234".', "es", spanish),
    ).toBe("Ya hay una cuenta o una solicitud pendiente llamada «1234».");
  });

  it("leave a text they do not know as it is", () => {
    expect(localiseWith("Something nobody wrote in the catalogue", "es", spanish)).toBe(
      "Something nobody wrote in the catalogue",
    );
    expect(localiseWith("", "es", spanish)).toBe("");
  });

  it("come out in English exactly as they were written", () => {
    for (const text of [
      "Choose English or Spanish",
      "Add at most 1,000,000 datapoints at once",
      "Madrid HQ must keep at least 20 datapoints: at most 1180 can be removed",
      "Enter the person's name",
    ]) {
      expect(localiseWith(text, "en", english)).toBe(text);
    }
  });
});

/** Every TypeScript source of the schemas, the domain and the server (tests left out). */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("the validation area of the catalogue", () => {
  const root = join(import.meta.dirname, "../..");
  const code = [...sources(join(root, "shared/api")), ...sources(join(root, "shared/domain"))]
    .concat(sources(join(root, "server")))
    .map((path) => readFileSync(path, "utf8"))
    .join("\n");

  it("holds only messages the schemas or the server still write", () => {
    const stale = Object.entries(catalogue.en)
      .filter(([key]) => key.startsWith("validation."))
      .filter(([, message]) => literalParts(message).some((part) => !code.includes(part)))
      .map(([key]) => key);
    expect(stale).toEqual([]);
  });
});
