// The emails about a delegation's submission (receipt, withdrawal, decision on a late
// submission, deadline extension), each in the recipient's own language
// (locales/<lang>/submissions.json, "email"). Pure: data in, subject and plain-text body out.
import { fixedTranslator, messageTranslator } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { groupInSentence, type GroupArticles, type GroupNames } from "~/lib/groups";
import { composeMessage, instantLines, type MissionMessageContext, type T } from "~/lib/mission-message";
import type { MessageText } from "~/lib/notification-text";

export type SubmissionMessageContext = MissionMessageContext;

// In Arabic the values in a sentence are isolated for direction (messageTranslator).
const translator = (language: Language) => messageTranslator(language, "submissions");

/**
 * "Spanish" in English, "espagnol" in French, "西班牙文" in Chinese: the name of a language as the
 * interface names it (common:languageNames), not as Intl.DisplayNames does (Chinese 西班牙语).
 */
export function languageName(code: Language, readerLanguage: Language): string {
  return fixedTranslator(readerLanguage, "common")(`languageNames.${code}`);
}

const timeLines = (t: T, ctx: SubmissionMessageContext, key: string, instant: Date) => instantLines(t, ctx, "email", key, instant, formatInstant);
const compose = (t: T, ctx: SubmissionMessageContext, subject: string, intro: string, middle: string[]) =>
  composeMessage(t, ctx, "email", subject, intro, middle);

export type ReceiptMessageInput = SubmissionMessageContext & {
  receiptNumber: string;
  revisionNumber: number;
  submittedAt: Date;
  submittedByName: string | null;
  submissionLanguage: Language;
  /** Set when the submission arrived after the delegation's deadline and waits for a decision. */
  lateAfterDeadline: Date | null;
  /** The group the submission speaks for (issue 19), named in the receipt. */
  onBehalfOf?: (GroupNames & GroupArticles) | null;
};

/** The receipt every delegate of the mission gets when their delegation submits or revises. */
export function receiptMessage(input: ReceiptMessageInput): MessageText {
  const t = translator(input.language);
  const middle = [
    t("email.receipt.number", { receipt: input.receiptNumber }),
    ...(input.onBehalfOf ? [t("joint.email.onBehalf", { delegation: input.delegationName, group: groupInSentence(input.onBehalfOf, input.language) })] : []),
    ...timeLines(t, input, "email.receipt.time", input.submittedAt),
    ...(input.submittedByName ? [t("email.receipt.by", { name: input.submittedByName })] : []),
    t("email.receipt.language", { language: languageName(input.submissionLanguage, input.language) }),
    ...(input.revisionNumber > 1 ? [t("email.receipt.revision", { number: input.revisionNumber })] : []),
    ...(input.lateAfterDeadline
      ? ["", t("email.receipt.late", { deadline: formatInstant(input.lateAfterDeadline, input.language, input.meetingTimeZone) })]
      : []),
  ];
  return compose(
    t,
    input,
    t(input.lateAfterDeadline ? "email.receipt.subjectLate" : "email.receipt.subject", {
      receipt: input.receiptNumber,
      delegation: input.delegationName,
    }),
    t("email.receipt.intro", { delegation: input.delegationName }),
    middle,
  );
}

export type WithdrawalMessageInput = SubmissionMessageContext & {
  receiptNumber: string;
  withdrawnAt: Date;
  withdrawnByName: string;
  deadline: Date | null;
};

/** Tells the mission that its submission was withdrawn, and until when it may submit again. */
export function withdrawalMessage(input: WithdrawalMessageInput): MessageText {
  const t = translator(input.language);
  const middle = [
    t("email.withdrawn.receipt", { receipt: input.receiptNumber }),
    ...timeLines(t, input, "email.withdrawn.time", input.withdrawnAt),
    ...(input.deadline ? ["", t("email.withdrawn.again", { deadline: formatInstant(input.deadline, input.language, input.meetingTimeZone) })] : []),
  ];
  return compose(
    t,
    input,
    t("email.withdrawn.subject", { delegation: input.delegationName }),
    t("email.withdrawn.intro", { name: input.withdrawnByName, delegation: input.delegationName }),
    middle,
  );
}

export type LateDecisionMessageInput = SubmissionMessageContext & {
  receiptNumber: string;
  decision: "accepted" | "declined";
  reason: string;
};

/** Tells the mission whether the secretariat accepted its late submission, and why. */
export function lateDecisionMessage(input: LateDecisionMessageInput): MessageText {
  const t = translator(input.language);
  const key = input.decision === "accepted" ? "email.lateAccepted" : "email.lateDeclined";
  return compose(
    t,
    input,
    t(`${key}.subject`, { receipt: input.receiptNumber }),
    t(`${key}.intro`, { delegation: input.delegationName, receipt: input.receiptNumber }),
    [t(`${key}.effect`), "", t("email.reason"), input.reason],
  );
}

export type ExtensionMessageInput = SubmissionMessageContext & { until: Date };

/** Tells the mission the secretariat extended its deadline. */
export function extensionMessage(input: ExtensionMessageInput): MessageText {
  const t = translator(input.language);
  return compose(
    t,
    input,
    t("email.extended.subject", { delegation: input.delegationName }),
    t("email.extended.intro", { delegation: input.delegationName }),
    timeLines(t, input, "email.extended.until", input.until),
  );
}
