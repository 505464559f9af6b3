// Outgoing mail through the SMTP server in SMTP_URL (nodemailer). Without it nothing is sent:
// the outbox keeps the messages for the secretariat to copy.
import nodemailer from "nodemailer";
import { env } from "./env.server";

export type OutgoingMail = { to: string; subject: string; text: string; language: string };

export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function isMailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/**
 * A sender holding one SMTP connection for a batch of messages; close it when the batch is done.
 * Short timeouts: a dead mail server must fail the batch in seconds, not hold it for minutes.
 * Null when SMTP_URL is not set.
 */
export function openMailSender(): MailSender | null {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return null;
  const transport = nodemailer.createTransport({
    url: SMTP_URL,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { "Content-Language": mail.language, "Auto-Submitted": "auto-generated" },
      });
    },
    close() {
      transport.close();
    },
  };
}

/** Errors that say the server, not this message, is the problem: the rest of the batch would fail too. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EAUTH", "ETLS", "ECONNREFUSED"].includes(code);
}
