/**
 * What the outbox keeps of a message that carried a live link (an invitation, a password reset)
 * once it is delivered: through SMTP, a note instead of the link; to the in-app mailbox, which is
 * the recipient's inbox, the message as it was.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxMessages, mailOutbox } from "../db/schema/index.ts";
import { inviteUser } from "../invitations/invite-user.ts";
import { createPartner } from "../test/factories.ts";
import { anonymous, PUBLIC_URL, startTestApp, type TestApp } from "../test/harness.ts";
import { type SmtpSink, startSmtpSink } from "../test/smtp.ts";
import { LINK_REMOVED_TEXT } from "./dispatcher.ts";

let smtp: SmtpSink;
let viaSmtp: TestApp;
let viaMailbox: TestApp;

beforeAll(async () => {
  smtp = await startSmtpSink();
  viaSmtp = await startTestApp({ isolated: true, config: { SMTP_URL: smtp.url } });
  viaMailbox = await startTestApp({ isolated: true });
});
afterAll(async () => {
  await viaSmtp.close();
  await viaMailbox.close();
  await smtp.close();
});

/** An invitation and a password reset, queued; answers the two links' secrets. */
async function queueLinks(t: TestApp): Promise<{ invitation: string; reset: string }> {
  const partner = await createPartner(t.db);
  const { token } = await inviteUser({
    db: t.db,
    clock: t.clock,
    publicUrl: PUBLIC_URL,
    invitedBy: null,
    partnerId: partner.id,
    userType: "manager",
    email: `invited-${partner.id}@example.test`,
    name: "Ana Invitada",
  });
  const asked = await anonymous(t.app).request({
    method: "POST",
    url: "/api/auth/request-password-reset",
    payload: { email: partner.accountUser.email },
  });
  expect(asked.statusCode).toBe(200);
  const [mail] = await t.db
    .select({ text: mailOutbox.text })
    .from(mailOutbox)
    .where(eq(mailOutbox.topic, "password_reset"));
  const reset = mail?.text.match(/reset-password\?token=([^\s&]+)/)?.[1];
  if (!reset) throw new Error("no reset link queued");
  return { invitation: token, reset: decodeURIComponent(reset) };
}

describe("a message with a live link, delivered through SMTP", () => {
  it("reaches its recipient with the link, and the outbox keeps only a note that it was removed", async () => {
    const { invitation, reset } = await queueLinks(viaSmtp);
    const report = await viaSmtp.app.lifecycle.dispatch();
    expect(report).toMatchObject({ sent: 2, retrying: 0, failed: 0 });
    const received = JSON.stringify(smtp.received);
    expect(received).toContain(invitation);
    expect(received).toContain(encodeURIComponent(reset));
    const stored = await viaSmtp.db.select().from(mailOutbox);
    expect(stored).toHaveLength(2);
    for (const mail of stored) {
      expect(mail.status).toBe("sent");
      expect(mail.text).toBe(LINK_REMOVED_TEXT);
      expect(mail.html).toContain(LINK_REMOVED_TEXT);
    }
    const kept = JSON.stringify(stored);
    expect(kept).not.toContain(invitation);
    expect(kept).not.toContain(encodeURIComponent(reset));
  });
});

describe("a message with a live link, delivered to the in-app mailbox", () => {
  it("keeps the link, since the mailbox is where its recipient reads it", async () => {
    const { invitation } = await queueLinks(viaMailbox);
    await viaMailbox.app.lifecycle.dispatch();
    const inbox = await viaMailbox.db.select({ text: mailboxMessages.text }).from(mailboxMessages);
    expect(JSON.stringify(inbox)).toContain(invitation);
    const [stored] = await viaMailbox.db
      .select({ status: mailOutbox.status, text: mailOutbox.text })
      .from(mailOutbox)
      .where(eq(mailOutbox.topic, "invitation"));
    expect(stored).toMatchObject({ status: "sent", text: expect.stringContaining(invitation) });
  });
});
