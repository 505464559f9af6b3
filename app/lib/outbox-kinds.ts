// The outbox page's names of the message kinds the app queues (keys of circulation:kinds);
// a kind without a name here shows as "Other" (tests/unit/outbox-kinds.test.ts keeps the list whole).
export const KNOWN_KINDS = {
  "consultation.circulated": "kinds.circulated",
  invitation: "kinds.invitation",
  "submission.receipt": "kinds.receipt",
  "submission.withdrawn": "kinds.withdrawn",
  "submission.late_decision": "kinds.lateDecision",
  "submission.deadline_extension": "kinds.deadlineExtension",
  "consultation.closed": "kinds.closed",
  "consultation.deadline_changed": "kinds.deadlineChanged",
  "consultation.reminder": "kinds.reminder",
  password_reset: "kinds.passwordReset",
  "cosponsor.invitation": "kinds.cosponsorInvitation",
  "alignment.receipt": "kinds.alignmentReceipt",
  "alignment.withdrawn": "kinds.alignmentWithdrawn",
  "submission.clearance_request": "kinds.clearanceRequest",
} as const;

type KindKey = (typeof KNOWN_KINDS)[keyof typeof KNOWN_KINDS] | "kinds.other";

/** The label of a message kind. */
export function kindKey(kind: string): KindKey {
  return Object.hasOwn(KNOWN_KINDS, kind) ? KNOWN_KINDS[kind as keyof typeof KNOWN_KINDS] : "kinds.other";
}
