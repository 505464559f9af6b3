// The password reset email, in the account's language from locales/<lang>/account.json.
// Pure: data in, subject and plain-text body out (the outbox sends it).
import { messageTranslator } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";

export type PasswordResetEmailInput = {
  language: Language;
  name: string;
  email: string;
  /** The link with the token placeholder (the token is put in when the message is sent). */
  link: string;
  expiresAt: Date;
  /** The account's time zone, for the expiry; UTC when it has none. */
  timeZone: string | null;
};

export function passwordResetEmail(input: PasswordResetEmailInput): { subject: string; body: string } {
  // In Arabic the values in a sentence are isolated for direction (messageTranslator).
  const t = messageTranslator(input.language, "account");
  const paragraphs = [
    t("resetEmail.greeting", { name: input.name }),
    t("resetEmail.requested", { email: input.email }),
    `${t("resetEmail.action")}\n${input.link}`,
    t("resetEmail.expiry", { date: formatInstant(input.expiresAt, input.language, input.timeZone ?? "UTC") }),
    t("resetEmail.ignore"),
    t("resetEmail.signature"),
  ];
  return { subject: t("resetEmail.subject"), body: paragraphs.join("\n\n") };
}
