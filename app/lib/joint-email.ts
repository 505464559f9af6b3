// The emails of joint submissions and alignment (issue 19), each in the recipient's language
// (locales/<lang>/submissions.json, "joint.email" and "alignment.email"), in the frame of every
// email to a mission (app/lib/mission-message.ts). Pure: data in, subject and plain-text body out.
// Server only: it reads the translations through ~/i18n/i18next, which the browser must not import.
import { messageTranslator } from "~/i18n/i18next";
import { formatInstant } from "~/lib/dates";
import { speakerInSentence, type Speaker } from "~/lib/joint";
import type { NameInSentence } from "~/lib/delegation-names";
import { composeMessage, instantLines, type MissionMessageContext, type T } from "~/lib/mission-message";
import type { MessageText } from "~/lib/notification-text";

export type JointMessageContext = MissionMessageContext;

/**
 * An email of this file, in the frame of every email to a mission: `write` gives its subject,
 * introduction and middle lines in the recipient's language, with the speaker's name in a sentence.
 */
function speakerMessage(
  input: JointMessageContext & { speaker: Speaker },
  write: (t: T, speaker: NameInSentence) => { subject: string; intro: string; middle: string[] },
): MessageText {
  const t = messageTranslator(input.language, "submissions");
  const { subject, intro, middle } = write(t, speakerInSentence(t, input.speaker, input.language));
  return composeMessage(t, input, "email", subject, intro, middle);
}

export type CosponsorInvitationInput = JointMessageContext & {
  /** Who names the recipient's delegation: the submitting delegation, and the group it speaks for. */
  speaker: Speaker;
  /** The recipient delegation's own deadline, by which it confirms or declines. */
  deadline: Date | null;
};

/** To the delegates of a delegation named as co-sponsor: who named it, and that it counts once they confirm. */
export function cosponsorInvitationMessage(input: CosponsorInvitationInput): MessageText {
  return speakerMessage(input, (t, speaker) => ({
    subject: t("joint.email.invitation.subject", { speaker }),
    intro: t("joint.email.invitation.intro", { speaker, delegation: input.delegationName }),
    middle: [
      t("joint.email.invitation.counts"),
      ...(input.deadline ? [t("joint.email.invitation.deadline", { deadline: formatInstant(input.deadline, input.language, input.meetingTimeZone) })] : []),
    ],
  }));
}

type AlignmentInput = JointMessageContext & {
  receiptNumber: string;
  /** The submission aligned with: its delegation, and the group it speaks for. */
  speaker: Speaker;
};

/** An alignment's receipt number and when it was made or withdrawn (`timeKey`), on the meeting's clock and the recipient's. */
const alignmentLines = (t: T, input: AlignmentInput, timeKey: string, at: Date) => [
  t("alignment.email.number", { receipt: input.receiptNumber }),
  ...instantLines(t, input, "email", timeKey, at, formatInstant),
];

export type AlignmentReceiptInput = AlignmentInput & { alignedAt: Date; alignedByName: string };

/** The receipt every delegate of the mission gets when their delegation aligns itself with a submission. */
export function alignmentReceiptMessage(input: AlignmentReceiptInput): MessageText {
  return speakerMessage(input, (t, speaker) => ({
    subject: t("alignment.email.subject", { receipt: input.receiptNumber, delegation: input.delegationName }),
    intro: t("alignment.email.intro", { delegation: input.delegationName, speaker }),
    middle: [
      ...alignmentLines(t, input, "alignment.email.time", input.alignedAt),
      t("alignment.email.by", { name: input.alignedByName }),
      "",
      t("alignment.email.comments"),
    ],
  }));
}

export type AlignmentWithdrawalInput = AlignmentInput & { withdrawnAt: Date; withdrawnByName: string };

/** Tells the mission that its alignment was withdrawn. */
export function alignmentWithdrawalMessage(input: AlignmentWithdrawalInput): MessageText {
  return speakerMessage(input, (t, speaker) => ({
    subject: t("alignment.email.withdrawnSubject", { receipt: input.receiptNumber, delegation: input.delegationName }),
    intro: t("alignment.email.withdrawnIntro", { name: input.withdrawnByName, delegation: input.delegationName, speaker }),
    middle: alignmentLines(t, input, "alignment.email.withdrawnTime", input.withdrawnAt),
  }));
}
