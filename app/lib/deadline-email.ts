// The emails every registered mission gets when the reflection period is closed, when the
// consultation's deadline is extended or changed, and when the secretariat reminds a mission
// that has not submitted. Each in the recipient's own language (locales/<lang>/consultations.json,
// "missionMail"), with instants written out as diplomatic mail writes them. Pure: data in, text out.
import { fixedTranslator, messageTranslator } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";
import { writeDiplomaticInstant } from "~/lib/diplomatic-instant";
import { composeMessage, instantLines, type MissionMessageContext, type T } from "~/lib/mission-message";
import type { MessageText } from "~/lib/notification-text";
const translator = (language: Language): T => fixedTranslator(language, "consultations");
// The messages' sentences: in Arabic their values are isolated for direction (messageTranslator).
const messages = (language: Language): T => messageTranslator(language, "consultations");

/** An instant written out in full in the recipient's language (app/lib/diplomatic-instant.ts). */
export const diplomaticInstant = (instant: Date | string, language: Language, timeZone: string): string =>
  writeDiplomaticInstant(translator(language), instant, language, timeZone);

export type MissionMailContext = MissionMessageContext;

const timeLines = (t: T, ctx: MissionMailContext, key: string, instant: Date) => instantLines(t, ctx, "missionMail", key, instant, diplomaticInstant);
const compose = (t: T, ctx: MissionMailContext, subject: string, intro: string, middle: string[]) =>
  composeMessage(t, ctx, "missionMail", subject, intro, middle);

/**
 * Where the recipient's delegation stood when the message was written (closing, reminder); with
 * issue 19, a draft awaiting the mission's clearance, and an alignment with another's submission.
 */
export type MissionStanding = "submitted" | "changedSinceSubmission" | "draftOnly" | "awaitingClearance" | "nothing" | "aligned";

export type ClosingMessageInput = MissionMailContext & {
  closedAt: Date;
  /** The deadline when the period was closed before it; null when it had passed (or there was none). */
  earlyBeforeDeadline: Date | null;
  /** The secretariat's reason (required when closing early). */
  reason: string | null;
  standing: MissionStanding;
};

/** Tells a mission that the reflection period is closed: when, whether early and why, and what became of its draft. */
export function closingMessage(input: ClosingMessageInput): MessageText {
  const t = messages(input.language);
  const middle = [
    ...timeLines(t, input, "missionMail.closed.at", input.closedAt),
    ...(input.earlyBeforeDeadline
      ? [t("missionMail.closed.early", { deadline: diplomaticInstant(input.earlyBeforeDeadline, input.language, input.meetingTimeZone) })]
      : []),
    ...(input.reason ? ["", t("missionMail.reason"), input.reason] : []),
    // A draft still awaiting clearance was not submitted either: the same words as a draft.
    ...(input.standing === "draftOnly" || input.standing === "changedSinceSubmission" || input.standing === "awaitingClearance"
      ? ["", t(`missionMail.closed.${input.standing === "awaitingClearance" ? "draftOnly" : input.standing}`, { delegation: input.delegationName })]
      : input.standing === "nothing"
        ? ["", t("missionMail.closed.nothing", { delegation: input.delegationName })]
        : []),
    "",
    t("missionMail.closed.late"),
  ];
  return compose(
    t,
    input,
    t("missionMail.closed.subject", { consultation: input.consultationTitle }),
    t("missionMail.closed.intro", { delegation: input.delegationName }),
    middle,
  );
}

export type DeadlineChangeMessageInput = MissionMailContext & {
  previous: Date | null;
  next: Date;
  /** The delegation's own extension when it is later than the new deadline (it still applies). */
  ownExtension: Date | null;
};

/** Tells a mission that the consultation's deadline moved: "extended" when later, "changed" otherwise. */
export function deadlineChangeMessage(input: DeadlineChangeMessageInput): MessageText {
  const t = messages(input.language);
  const kind = input.previous && input.next.getTime() > input.previous.getTime() ? "extended" : "changed";
  const middle = [
    ...timeLines(t, input, "missionMail.deadline.new", input.next),
    ...(input.previous ? [t("missionMail.deadline.previous", { time: diplomaticInstant(input.previous, input.language, input.meetingTimeZone) })] : []),
    ...(input.ownExtension
      ? ["", t("missionMail.deadline.ownExtension", { time: diplomaticInstant(input.ownExtension, input.language, input.meetingTimeZone) })]
      : []),
  ];
  return compose(
    t,
    input,
    t(`missionMail.deadline.${kind}Subject`, { consultation: input.consultationTitle }),
    t(`missionMail.deadline.${kind}Intro`, { delegation: input.delegationName }),
    middle,
  );
}

export type ReminderMessageInput = MissionMailContext & {
  /** The delegation's deadline (with its extension); null if the secretariat has removed it. */
  deadline: Date | null;
  standing: Exclude<MissionStanding, "submitted" | "aligned">;
};

/** Reminds a mission that has not submitted (or has unsubmitted changes) of the deadline. */
export function reminderMessage(input: ReminderMessageInput): MessageText {
  const t = messages(input.language);
  return compose(
    t,
    input,
    t("missionMail.reminder.subject", { consultation: input.consultationTitle }),
    t("missionMail.reminder.intro", { delegation: input.delegationName }),
    [
      t(`missionMail.reminder.${input.standing}`, { delegation: input.delegationName }),
      "",
      ...(input.deadline ? timeLines(t, input, "missionMail.reminder.deadline", input.deadline) : []),
      t("missionMail.reminder.languages"),
    ],
  );
}
