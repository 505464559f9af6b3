// The email an approver of a mission gets when a drafter asks for clearance of the delegation's
// comments (issue 19), in the approver's own language (locales/<lang>/submissions.json,
// "clearance.email", in the frame of the other submission emails). Pure: data in, text out.
import { messageTranslator } from "~/i18n/i18next";
import { formatInstant } from "~/lib/dates";
import { composeMessage, instantLines, type MissionMessageContext } from "~/lib/mission-message";
import type { MessageText } from "~/lib/notification-text";

export type ClearanceRequestMessageInput = MissionMessageContext & {
  /** The drafter who asked. */
  requestedByName: string;
  requestedAt: Date;
  /** Absolute address of the review page, where the approver clears and submits; null without one. */
  reviewLink: string | null;
};

/** Asks an approver to review the exact text of the mission's draft and to clear and submit it. */
export function clearanceRequestMessage(input: ClearanceRequestMessageInput): MessageText {
  // In Arabic the values in a sentence are isolated for direction (messageTranslator).
  const t = messageTranslator(input.language, "submissions");
  const middle = [
    ...instantLines(t, input, "email", "clearance.email.time", input.requestedAt, formatInstant),
    "",
    t("clearance.email.what"),
    ...(input.reviewLink ? ["", t("clearance.email.link"), input.reviewLink] : []),
  ];
  return composeMessage(
    t,
    // The review page is the link this message needs: the frame's consultation link is left out.
    { ...input, link: null },
    "email",
    t("clearance.email.subject", { delegation: input.delegationName }),
    t("clearance.email.intro", { name: input.requestedByName, delegation: input.delegationName }),
    middle,
  );
}
