import { describe, expect, it } from "vitest";
import { languageOfCountry } from "./languages.ts";

describe("the language of an account's billing contact", () => {
  it("is Spanish for accounts in Spain and Spanish-speaking America", () => {
    expect(languageOfCountry("ES")).toBe("es");
    expect(languageOfCountry("mx")).toBe("es");
    expect(languageOfCountry("AR")).toBe("es");
  });

  it("is English anywhere else", () => {
    expect(languageOfCountry("GB")).toBe("en");
    expect(languageOfCountry("PT")).toBe("en");
    expect(languageOfCountry("BR")).toBe("en");
  });
});
