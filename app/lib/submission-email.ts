// The emails about a delegation's submission (receipt, withdrawal, decision on a late
// submission, deadline extension), each in the recipient's own language
// (locales/<lang>/submissions.json, "email"). Pure: data in, subject and plain-text body out.
import { fixedTranslator } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";
import { formatInstant, intlLocale } from "~/lib/dates";
import type { MessageText } from "~/lib/notification-text";

export type SubmissionMessageContext = {
  language: Language;
  recipientName: string | null;
  /** The delegation's name in the recipient's language. */
  delegationName: string;
  /** Data in the working language (English), quoted as is. */
  consultationTitle: string;
  meetingName: string;
  meetingTimeZone: string;
  /** The recipient's own zone, when known. */
  recipientTimeZone: string | null;
  /** Absolute address of the consultation page, when known. */
  link: string | null;
};

type T = (key: string, options?: Record<string, unknown>) => string;

const translator = (language: Language) => fixedTranslator(language, "submissions");

/** "Spanish" in English, "espagnol" in French: the name of a language in the reader's language. */
export function languageName(code: Language, readerLanguage: Language): string {
  return new Intl.DisplayNames([intlLocale(readerLanguage)], { type: "language" }).of(code) ?? code;
}

/** An instant on the meeting's clock, then on the recipient's when that differs. */
function timeLines(t: T, ctx: SubmissionMessageContext, key: string, instant: Date): string[] {
  const lines = [t(key, { time: formatInstant(instant, ctx.language, ctx.meetingTimeZone) })];
  if (ctx.recipientTimeZone && ctx.recipientTimeZone !== ctx.meetingTimeZone) {
    lines.push(t("email.inYourZone", { time: formatInstant(instant, ctx.language, ctx.recipientTimeZone) }));
  }
  return lines;
}

function compose(t: T, ctx: SubmissionMessageContext, subject: string, intro: string, middle: string[]): MessageText {
  const lines = [
    ctx.recipientName ? t("email.greetingNamed", { name: ctx.recipientName }) : t("email.greeting"),
    "",
    intro,
    "",
    // English data on lines of their own, so right-to-left text does not reorder around them.
    ctx.consultationTitle,
    ctx.meetingName,
    "",
    ...middle,
    ...(ctx.link ? ["", t("email.link"), ctx.link] : []),
    "",
    t("email.footer"),
  ];
  return { subject, body: `${lines.join("\n")}\n` };
}

export type ReceiptMessageInput = SubmissionMessageContext & {
  receiptNumber: string;
  revisionNumber: number;
  submittedAt: Date;
  submittedByName: string | null;
  submissionLanguage: Language;
  /** Set when the submission arrived after the delegation's deadline and waits for a decision. */
  lateAfterDeadline: Date | null;
};

/** The receipt every delegate of the mission gets when their delegation submits or revises. */
export function receiptMessage(input: ReceiptMessageInput): MessageText {
  const t = translator(input.language);
  const middle = [
    t("email.receipt.number", { receipt: input.receiptNumber }),
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
    ...(input.deadline
      ? ["", t("email.withdrawn.again", { deadline: formatInstant(input.deadline, input.language, input.meetingTimeZone) })]
      : []),
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
