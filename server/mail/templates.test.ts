import { describe, expect, it } from "vitest";
import { formatCalendarDate as formatDate } from "../i18n/translate.ts";
import { type MailContent, renderMail } from "./templates.ts";

const reminder = (daysLeft: number): MailContent => ({
  topic: "reminder",
  accountName: "Valencia Port",
  customerName: "Puerto de Valencia",
  endsOn: "2026-05-01",
  daysLeft,
  renewUrl: "https://wattfolio.example/account-management",
});

describe("the e-mail templates", () => {
  it("write the end date as a reader of each language does", () => {
    expect(formatDate("2026-05-01", "en")).toBe("1 May 2026");
    expect(formatDate("2026-05-01", "es")).toBe("1 de mayo de 2026");
  });

  it("say how many days are left, the account, the customer and where to renew, in English and Spanish", () => {
    const en = renderMail(reminder(30), "en");
    expect(en.subject).toBe("Your account Valencia Port expires in 30 days (1 May 2026)");
    expect(en.text).toContain(
      "The account Valencia Port of Puerto de Valencia expires in 30 days, on 1 May 2026.",
    );
    expect(en.text).toContain("Renew the account: https://wattfolio.example/account-management");
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('href="https://wattfolio.example/account-management"');

    const es = renderMail(reminder(7), "es");
    expect(es.subject).toBe("Tu cuenta Valencia Port caduca en 7 días (1 de mayo de 2026)");
    expect(es.text).toContain("Renovar la cuenta: https://wattfolio.example/account-management");
    expect(es.html).toContain('<html lang="es">');
  });

  it("announce the last day as today, and a single day in the singular", () => {
    expect(renderMail(reminder(0), "en").subject).toBe("Your account Valencia Port expires today");
    expect(renderMail(reminder(0), "es").subject).toBe("Tu cuenta Valencia Port caduca hoy");
    expect(renderMail(reminder(1), "en").subject).toContain("expires in 1 day (");
    expect(renderMail(reminder(1), "es").subject).toContain("caduca en 1 día (");
  });

  it("tell of a renewal with the new end date", () => {
    const renewed: MailContent = {
      topic: "account_renewed",
      accountName: "Valencia Port",
      customerName: "Puerto de Valencia",
      startsOn: "2026-05-01",
      endsOn: "2027-05-01",
      accountUrl: "https://wattfolio.example/accounts/1",
    };
    expect(renderMail(renewed, "en").subject).toBe(
      "The account Valencia Port is renewed until 1 May 2027",
    );
    expect(renderMail(renewed, "es").subject).toBe(
      "La cuenta Valencia Port se ha renovado hasta el 1 de mayo de 2027",
    );
  });

  it("show what users wrote as text, never as markup, and quote a reviewer's comment", () => {
    const decided: MailContent = {
      topic: "application_decided",
      decision: "rejected",
      summary: { en: 'New account "<b>Bold</b>"', es: 'Nueva cuenta "<b>Bold</b>"' },
      reviewerName: "Carla & Co",
      comment: "Too many datapoints.\n<script>alert(1)</script>",
      applicationsUrl: "https://wattfolio.example/account-management",
    };
    const { html, text } = renderMail(decided, "en");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>Bold</b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Carla &amp; Co rejected your application");
    expect(text).toContain("> Too many datapoints.\n> <script>alert(1)</script>");
  });

  it("say when an auto-approval rule decided instead of a reviewer", () => {
    const decided: MailContent = {
      topic: "application_decided",
      decision: "approved",
      summary: {
        en: "Renew the subscription for one more year",
        es: "Renovar la suscripción un año más",
      },
      reviewerName: null,
      comment: "",
      applicationsUrl: "https://wattfolio.example/account-management",
    };
    expect(renderMail(decided, "en").text).toContain(
      "An auto-approval rule approved your application: Renew the subscription for one more year.",
    );
    expect(renderMail(decided, "es").text).toContain(
      "Una regla de aprobación automática ha aprobado",
    );
  });
});
