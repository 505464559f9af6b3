// The emails of joint submissions and alignment (issue 19), each in the recipient's language
// (locales/<lang>/submissions.json, "joint.email" and "alignment.email"), in the frame of every
// email to a mission (app/lib/mission-message.ts). Pure: data in, subject and plain-text body out.
// Server only: it reads the translations through ~/i18n/i18next, which the browser must not import.
import { messageTranslator } from "~/i18n/i18next";
import { formatInstant } from "~/lib/dates";
import { speakerInSentence, type Speaker } from "~/lib/joint";
import { composeMessage, instantLines, type MissionMessageContext } from "~/lib/mission-message";
import type { MessageText } from "~/lib/notification-text";

export type JointMessageContext = MissionMessageContext;

const translator = (ctx: JointMessageContext) => messageTranslator(ctx.language, "submissions");

export type CosponsorInvitationInput = JointMessageContext & {
  /** Who names the recipient's delegation: the submitting delegation, and the group it speaks for. */
  speaker: Speaker;
  /** The recipient delegation's own deadline, by which it confirms or declines. */
  deadline: Date | null;
};

/** To the delegates of a delegation named as co-sponsor: who named it, and that it counts once they confirm. */
export function cosponsorInvitationMessage(input: CosponsorInvitationInput): MessageText {
  const t = translator(input);
  const speaker = speakerInSentence(t, input.speaker, input.language);
  return composeMessage(
    t,
    input,
    "email",
    t("joint.email.invitation.subject", { speaker }),
    t("joint.email.invitation.intro", { speaker, delegation: input.delegationName }),
    [
      t("joint.email.invitation.counts"),
      ...(input.deadline ? [t("joint.email.invitation.deadline", { deadline: formatInstant(input.deadline, input.language, input.meetingTimeZone) })] : []),
    ],
  );
}

export type AlignmentReceiptInput = JointMessageContext & {
  receiptNumber: string;
  alignedAt: Date;
  alignedByName: string;
  /** The submission aligned with: its delegation, and the group it speaks for. */
  speaker: Speaker;
};

/** The receipt every delegate of the mission gets when their delegation aligns itself with a submission. */
export function alignmentReceiptMessage(input: AlignmentReceiptInput): MessageText {
  const t = translator(input);
  const speaker = speakerInSentence(t, input.speaker, input.language);
  return composeMessage(
    t,
    input,
    "email",
    t("alignment.email.subject", { receipt: input.receiptNumber, delegation: input.delegationName }),
    t("alignment.email.intro", { delegation: input.delegationName, speaker }),
    [
      t("alignment.email.number", { receipt: input.receiptNumber }),
      ...instantLines(t, input, "email", "alignment.email.time", input.alignedAt, formatInstant),
      t("alignment.email.by", { name: input.alignedByName }),
      "",
      t("alignment.email.comments"),
    ],
  );
}

export type AlignmentWithdrawalInput = JointMessageContext & {
  receiptNumber: string;
  withdrawnAt: Date;
  withdrawnByName: string;
  speaker: Speaker;
};

/** Tells the mission that its alignment was withdrawn. */
export function alignmentWithdrawalMessage(input: AlignmentWithdrawalInput): MessageText {
  const t = translator(input);
  const speaker = speakerInSentence(t, input.speaker, input.language);
  return composeMessage(
    t,
    input,
    "email",
    t("alignment.email.withdrawnSubject", { receipt: input.receiptNumber, delegation: input.delegationName }),
    t("alignment.email.withdrawnIntro", { name: input.withdrawnByName, delegation: input.delegationName, speaker }),
    [
      t("alignment.email.number", { receipt: input.receiptNumber }),
      ...instantLines(t, input, "email", "alignment.email.withdrawnTime", input.withdrawnAt, formatInstant),
    ],
  );
}
