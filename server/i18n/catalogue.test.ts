import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../shared/domain/languages.ts";
import { catalogue } from "../../shared/i18n/catalogue.ts";
import { describeApplication } from "../../shared/i18n/describe-application.ts";
import { validation } from "../../shared/i18n/messages/validation.ts";
import { translator } from "./translate.ts";

type Element = ReturnType<typeof parse>[number];

const NUMERIC = new Set<number>([TYPE.number, TYPE.plural]);

/** The names a message fills in, with how (plain, number, plural, select), and its plural cases. */
function argumentsOf(elements: Element[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ("value" in element && typeof element.value === "string" && element.type !== 0) {
      // A number may be written plainly in one language and with a plural in the other.
      found.add(`${element.value}:${NUMERIC.has(element.type) ? "number" : element.type}`);
    }
    if ("options" in element) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
    if ("children" in element) argumentsOf(element.children, found);
  }
  return found;
}

describe("the catalogue", () => {
  const keys = Object.keys(catalogue.en);

  it("has every message in English and in Spanish", () => {
    expect(Object.keys(catalogue.es).sort()).toEqual([...keys].sort());
    for (const language of LANGUAGES) {
      for (const key of keys) expect(catalogue[language][key as never], key).not.toBe("");
    }
  });

  it("keeps every validation message in the validation area, where the web app reads the server's English back", () => {
    const outside = keys.filter((key) => key.startsWith("validation.") && !(key in validation.en));
    expect(outside).toEqual([]);
  });

  it("fills the same names the same way in both languages, so no value goes missing in translation", () => {
    for (const key of keys) {
      const en = argumentsOf(parse(catalogue.en[key as never]));
      const es = argumentsOf(parse(catalogue.es[key as never]));
      expect([...es].sort(), key).toEqual([...en].sort());
    }
  });
});

describe("an application's summary", () => {
  const names = {
    licence: (id: string) => (id === "pro" ? "Professional" : undefined),
    billManagementType: () => undefined,
    account: () => "Valencia Port",
  };
  const newAccount = {
    name: "Madrid HQ",
    customerName: "Hoteles Mar Azul",
    licenceId: "pro",
    datapoints: 1200,
    periodMonths: 12,
  };

  it("says in one English line what is asked for", () => {
    const t = translator("en");
    expect(describeApplication("new_account", newAccount, names, t)).toBe(
      'New account "Madrid HQ" for Hoteles Mar Azul · Professional · 1,200 DP · 12 months',
    );
    expect(describeApplication("edit_datapoints", { change: -50 }, names, t)).toBe("Remove 50 DP");
    expect(describeApplication("edit_datapoints", { change: 1500 }, names, t)).toBe("Add 1,500 DP");
    expect(
      describeApplication("move_datapoints", { datapoints: 30, targetAccountId: "x" }, names, t),
    ).toBe("Move 30 DP to Valencia Port");
    expect(describeApplication("edit_licence", { licenceId: "pro" }, names, t)).toBe(
      "Change the licence to Professional",
    );
    expect(describeApplication("edit_licence", { licenceId: "gone" }, names, t)).toBe(
      "Change the licence to unknown licence",
    );
    expect(describeApplication("buy_sms_credits", { credits: 500 }, names, t)).toBe(
      "Buy 500 SMS credits",
    );
    expect(describeApplication("renew_subscription", {}, names, t)).toBe(
      "Renew the subscription for one more year",
    );
  });

  it("says it in Spanish, with Spanish numbers, to a Spanish reader", () => {
    const t = translator("es");
    expect(describeApplication("new_account", { ...newAccount, periodMonths: 1 }, names, t)).toBe(
      "Nueva cuenta «Madrid HQ» para Hoteles Mar Azul · Professional · 1200 DP · 1 mes",
    );
    expect(describeApplication("edit_datapoints", { change: 15000 }, names, t)).toBe(
      "Añadir 15.000 DP",
    );
    expect(describeApplication("edit_licence", { licenceId: "pro" }, names, t)).toBe(
      "Cambiar la licencia a Professional",
    );
    expect(
      describeApplication(
        "upgrade_meters",
        { billManagementTypeId: null, rtmMeters: 2, additionalPods: 0, rtcLines: 1 },
        names,
        t,
      ),
    ).toBe("Contadores: sin Bill Management · 2 RtM · 0 pods · 1 línea RTC");
  });
});
