/**
 * A real SMTP server in the test process (smtp-server), so tests see e-mail as a mail server gets
 * it: parsed with mailparser, Message-ID, subject, recipients, HTML and text. It can refuse mail
 * (451, a temporary failure) for as many attempts as a test wants.
 */
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string | undefined;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Every MAIL FROM the server saw, accepted or refused. */
  attempts: number;
  /** Refuse the next `n` attempts. */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  let refusals = 0;
  const sink: Omit<SmtpSink, "url" | "close"> & { attempts: number } = {
    received: [],
    attempts: 0,
    refuseNext: (n) => {
      refusals = n;
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      sink.attempts++;
      if (refusals > 0) {
        refusals--;
        const error = Object.assign(new Error("Mailbox busy, try again later"), {
          responseCode: 451,
        });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          sink.received.push({
            messageId: mail.messageId ?? "",
            to: to?.value[0]?.address ?? "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            language: /<html lang="(\w+)"/.exec(
              typeof mail.html === "string" ? mail.html : "",
            )?.[1],
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
