// The invitation email, written in the invitee's language from locales/<lang>/registrations.json.
// Pure: data in, subject and plain-text body out (the outbox sends it).
import { fixedTranslator } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";
import { formatCalendarRange, formatInstant } from "~/lib/dates";

export type InvitationEmailInput = {
  language: Language;
  inviteeName: string | null;
  inviterName: string;
  delegationName: string;
  consultationTitle: string;
  meeting: { body: string; venue: string; startDate: string; endDate: string; timeZone: string };
  link: string;
  expiresAt: Date;
};

export function invitationEmail(input: InvitationEmailInput): { subject: string; body: string } {
  const t = fixedTranslator(input.language, "registrations");
  // "Working Group …, Vienna, 9–10 July 2020": the body's name is English data, the dates are localized.
  const dates = formatCalendarRange(input.meeting.startDate, input.meeting.endDate, input.language);
  const meeting = `${input.meeting.body}, ${input.meeting.venue}, ${dates}`;
  const paragraphs = [
    input.inviteeName ? t("email.greeting", { name: input.inviteeName }) : t("email.greetingNoName"),
    t("email.invited", {
      inviter: input.inviterName,
      delegation: input.delegationName,
      consultation: input.consultationTitle,
      meeting,
    }),
    `${t("email.action")}\n${input.link}`,
    // The meeting's zone: the one in which the consultation's deadlines are stated.
    t("email.expiry", { date: formatInstant(input.expiresAt, input.language, input.meeting.timeZone) }),
    t("email.ignore"),
    t("email.signature"),
  ];
  return {
    subject: t("email.subject", { consultation: input.consultationTitle }),
    body: paragraphs.join("\n\n"),
  };
}
