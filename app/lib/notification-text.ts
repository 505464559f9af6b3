// The email that tells a delegate a non-paper was circulated, in the delegate's own language
// (locales/<lang>/circulation.json). Pure: data in, subject and plain-text body out.
import { messageTranslator } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import type { NameInSentence } from "~/lib/delegation-names";

export type CirculationMessageInput = {
  language: Language;
  /** Null for an invitee who gave no name. */
  recipientName: string | null;
  /** An invitee has no account yet: the text tells them to accept their invitation first. */
  isInvitee: boolean;
  /** The delegation's name in the recipient's language, with its article (nameInSentence). */
  delegationName: NameInSentence;
  /** Data in the working language (English), quoted as is. */
  consultationTitle: string;
  meetingName: string;
  deadline: Date | string;
  meetingTimeZone: string;
  /** The recipient's own zone, when known. */
  recipientTimeZone: string | null;
  /** Absolute address of the consultation page. */
  link: string;
  /** The covering note verbale appended after the message: the reader's own when prepared, else English (coveringNoteFor). */
  coveringNote: string;
  /** The language of `coveringNote`; English when not given. */
  coveringNoteLanguage?: Language;
};

export type MessageText = { subject: string; body: string };

// In Arabic the values in a sentence are isolated for direction (messageTranslator).
const translator = (language: Language) => messageTranslator(language, "circulation");

export function circulationMessage(input: CirculationMessageInput): MessageText {
  const t = translator(input.language);
  const deadlineHere = formatInstant(input.deadline, input.language, input.meetingTimeZone);
  const showLocal = input.recipientTimeZone !== null && input.recipientTimeZone !== input.meetingTimeZone;
  const lines = [
    input.recipientName ? t("email.greetingNamed", { name: input.recipientName }) : t("email.greeting"),
    "",
    t("email.intro", { delegation: input.delegationName }),
    "",
    // English data on lines of their own, so right-to-left text does not reorder around them.
    input.consultationTitle,
    input.meetingName,
    "",
    t("email.deadline", { time: deadlineHere }),
    ...(showLocal ? [t("email.deadlineLocal", { time: formatInstant(input.deadline, input.language, input.recipientTimeZone!) })] : []),
    t("email.languages"),
    "",
    input.isInvitee ? t("email.linkInvitee") : t("email.linkDelegate"),
    input.link,
    "",
    t("email.footer"),
    "",
    "────────────────────────────────────────",
    // The heading says "(in English)" only when the reader gets the English note in another language.
    (input.coveringNoteLanguage ?? "en") === input.language ? t("email.noteHeadingOwn") : t("email.noteHeading"),
    "",
    input.coveringNote,
  ];
  return {
    subject: t("email.subject", { consultation: input.consultationTitle }),
    body: `${lines.join("\n")}\n`,
  };
}
