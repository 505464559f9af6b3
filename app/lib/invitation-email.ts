// The invitation email, written in the invitee's language from locales/<lang>/registrations.json.
// Pure: data in, subject and plain-text body out (the outbox sends it).
import { fixedTranslator } from "~/i18n/i18next";
import { directionOf, type Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { meetingLine, type MeetingNameSource } from "~/lib/meeting-names";

export type InvitationEmailInput = {
  language: Language;
  inviteeName: string | null;
  inviterName: string;
  /** Who invites: the secretariat (the default), or the mission's own focal point (issue 19). */
  inviterRole?: "secretariat" | "focalPoint";
  delegationName: string;
  consultationTitle: string;
  /** The body and venue in the other official languages too, where the secretariat gave them. */
  meeting: MeetingNameSource & { startDate: string; endDate: string; timeZone: string };
  link: string;
  expiresAt: Date;
};

export function invitationEmail(input: InvitationEmailInput): { subject: string; body: string } {
  const t = fixedTranslator(input.language, "registrations");
  // In a right-to-left sentence, data that may be English (names, the title, the meeting) is
  // isolated (U+2068 … U+2069), so that it and the sentence's own words keep their order.
  const data = (value: string) => (directionOf(input.language) === "rtl" ? `\u2068${value}\u2069` : value);
  const paragraphs = [
    input.inviteeName ? t("email.greeting", { name: input.inviteeName }) : t("email.greetingNoName"),
    t(input.inviterRole === "focalPoint" ? "email.invitedByFocalPoint" : "email.invited", {
      inviter: data(input.inviterName),
      delegation: input.delegationName,
      consultation: data(input.consultationTitle),
      // "Groupe de travail …, Vienne, 9–10 juillet 2020": the body and venue in the reader's
      // language where given (English otherwise), the dates localized; in Arabic the names are
      // isolated within it (meetingLine).
      meeting: data(meetingLine(input.meeting, input.language)),
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
