// The frame shared by every email to a mission's delegates (receipts, decisions, closing,
// deadline changes, reminders): greeting, the consultation's English data on lines of their own,
// the message, the link and the footer. Each namespace names its keys "<prefix>.greeting", …
import type { Language } from "~/i18n/languages";
import type { NameInSentence } from "~/lib/delegation-names";
import type { MessageText } from "~/lib/notification-text";

export type MissionMessageContext = {
  language: Language;
  recipientName: string | null;
  /** The delegation's name in the recipient's language, with its article (nameInSentence). */
  delegationName: NameInSentence;
  /** Data in the working language (English), quoted as is. */
  consultationTitle: string;
  meetingName: string;
  meetingTimeZone: string;
  /** The recipient's own zone, when known. */
  recipientTimeZone: string | null;
  /** Absolute address of the consultation page, when known. */
  link: string | null;
};

export type T = (key: string, options?: Record<string, unknown>) => string;

/** An instant on the meeting's clock, then on the recipient's when that differs. */
export function instantLines(
  t: T,
  ctx: MissionMessageContext,
  prefix: string,
  key: string,
  instant: Date,
  format: (instant: Date, language: Language, timeZone: string) => string,
): string[] {
  const lines = [t(key, { time: format(instant, ctx.language, ctx.meetingTimeZone) })];
  if (ctx.recipientTimeZone && ctx.recipientTimeZone !== ctx.meetingTimeZone) {
    lines.push(t(`${prefix}.inYourZone`, { time: format(instant, ctx.language, ctx.recipientTimeZone) }));
  }
  return lines;
}

export function composeMessage(t: T, ctx: MissionMessageContext, prefix: string, subject: string, intro: string, middle: string[]): MessageText {
  const lines = [
    ctx.recipientName ? t(`${prefix}.greetingNamed`, { name: ctx.recipientName }) : t(`${prefix}.greeting`),
    "",
    intro,
    "",
    // English data on lines of their own, so right-to-left text does not reorder around them.
    ctx.consultationTitle,
    ctx.meetingName,
    "",
    ...middle,
    ...(ctx.link ? ["", t(`${prefix}.link`), ctx.link] : []),
    "",
    t(`${prefix}.footer`),
  ];
  return { subject, body: `${lines.join("\n")}\n` };
}
