import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { languageOfVisit, loadWebPage, signInFirst, type WebPage } from "./web-page.ts";

const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/en-1.js" data-language="en">
    <link rel="modulepreload" crossorigin href="/assets/es-1.js" data-language="es">
  </head>
  <body><div id="root"></div></body>
</html>`;

const PAGES = {
  layout: ["/assets/layout-1.js", "/assets/shared-1.js"],
  "account-management": ["/assets/account-management-1.js", "/assets/shared-1.js"],
  home: ["/assets/home-1.js"],
  login: ["/assets/login-1.js"],
};

const preloaded = (html: string) =>
  [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)"/g)].map((m) => m[1]);

let folder: string;
let page: WebPage;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "wattfolio-web-page-"));
  await mkdir(join(folder, ".vite"));
  await writeFile(join(folder, "index.html"), BUILT);
  await writeFile(join(folder, ".vite/pages.json"), JSON.stringify(PAGES));
  page = loadWebPage(folder);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const ANA = {
  me: JSON.stringify({ name: "Ana </script><script>alert(1)</script>", language: "es" }),
  language: "es" as const,
};

describe("the page sent to each visit", () => {
  it("carries a signed-in visit's user and preloads its page code and the layout's, each file once", () => {
    const html = page({ path: "/account-management?zone=expired", signedIn: ANA });
    expect(preloaded(html)).toEqual([
      "/assets/es-1.js",
      "/assets/layout-1.js",
      "/assets/shared-1.js",
      "/assets/account-management-1.js",
    ]);
    const user = /<script id="signed-in-user" type="application\/json">(.*)<\/script>/.exec(html);
    expect(JSON.parse(user?.[1] ?? "null")).toEqual(JSON.parse(ANA.me));
    expect(html).not.toContain("</script><script>alert(1)");
  });

  it("is in the signed-in user's language, whatever this browser showed before, and tells the app", () => {
    const visit = { path: "/", cookie: "wattfolio.language=en", acceptLanguage: "en" };
    const html = page({ ...visit, signedIn: ANA });
    expect(html).toContain('<html lang="es" data-language="es"');
    expect(preloaded(html)).not.toContain("/assets/en-1.js");
  });

  it("preloads the sign-in page's code without the signed-in layout or a user for a visitor with no session", () => {
    const html = page({ path: "/login" });
    expect(preloaded(html)).toEqual(["/assets/en-1.js", "/assets/login-1.js"]);
    expect(html).not.toContain("signed-in-user");
  });

  it("preloads the home page's code at the root, and nothing more where no page is named after the address", () => {
    expect(preloaded(page({ path: "/" }))).toContain("/assets/home-1.js");
    const review = page({ path: "/review/0d6c1f0e-4c2b-4a55-9f9e-6f1c2b3a4d5e" });
    expect(preloaded(review)).toEqual(["/assets/en-1.js"]);
  });

  it("preloads only the language the app last showed on this browser, and says it", () => {
    const html = page({
      path: "/login",
      cookie: "wattfolio.language=es",
      acceptLanguage: "en",
    });
    expect(html).toContain('<html lang="es"');
    expect(preloaded(html)).toEqual(["/assets/es-1.js", "/assets/login-1.js"]);
  });

  it("speaks the browser's language to a first visit", () => {
    const html = page({ path: "/login", acceptLanguage: "fr-FR, es;q=0.8, en;q=0.5" });
    expect(html).toContain('<html lang="es"');
    expect(preloaded(html)).toEqual(["/assets/es-1.js", "/assets/login-1.js"]);
  });

  it("serves the page as built when the build named no page files", async () => {
    await rm(join(folder, ".vite/pages.json"));
    const bare = loadWebPage(folder);
    expect(preloaded(bare({ path: "/account-management" }))).toEqual(["/assets/en-1.js"]);
  });
});

describe("the language of a visit", () => {
  it.each([
    [{ cookie: "other=1; wattfolio.language=es" }, "es"],
    [{ cookie: "wattfolio.language=fr", acceptLanguage: "es" }, "es"],
    [{ acceptLanguage: "es-MX,es;q=0.9,en;q=0.8" }, "es"],
    [{ acceptLanguage: "en;q=0.2, es;q=0.9" }, "es"],
    [{ acceptLanguage: "es;q=0, en" }, "en"],
    [{ acceptLanguage: "de, fr" }, "en"],
    [{ acceptLanguage: "garbage;q=abc,,;" }, "en"],
    [{}, "en"],
  ] as const)("%j reads as %s", (visit, language) => {
    expect(languageOfVisit({ path: "/", ...visit })).toBe(language);
  });
});

describe("a visit that is not signed in", () => {
  it("goes to the sign-in page from a page for signed-in users, with the way back to it", () => {
    expect(signInFirst("/account-management?zone=expired&q=a b")).toBe(
      "/login?next=%2Faccount-management%3Fzone%3Dexpired%26q%3Da%20b",
    );
    expect(signInFirst("/accounts/0b6f")).toBe("/login?next=%2Faccounts%2F0b6f");
    expect(signInFirst("/no-such-page")).toBe("/login?next=%2Fno-such-page");
    expect(signInFirst("/")).toBe("/login");
  });

  it("opens the pages open to anyone: signing in, a forgotten password, a new password, an invitation", () => {
    for (const url of [
      "/login",
      "/login?next=%2Fmailbox",
      "/forgot-password",
      "/reset-password?token=abc",
      "/invitations/abc123",
    ]) {
      expect(signInFirst(url), url).toBe(undefined);
    }
    expect(signInFirst("/invitations/abc/more")).toBe("/login?next=%2Finvitations%2Fabc%2Fmore");
  });
});
