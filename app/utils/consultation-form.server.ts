import type { Submission } from "@conform-to/react";
import type { ConsultationSaveResult } from "~/models/consultation.server";

const MESSAGES: Record<Exclude<ConsultationSaveResult, { ok: true }>["reason"], string> = {
  not_found: "consultations:errors.notFound",
  meeting_not_found: "consultations:errors.chooseMeeting",
  receipt_prefix_taken: "consultations:errors.receiptPrefixTaken",
  deadline_past: "consultations:errors.deadlinePast",
  locked: "consultations:errors.locked",
  chair_not_found: "consultations:errors.choose",
};

/** The form's reply for a save the model refused: the message on the field it concerns. */
export function replyForRefusal(submission: Submission<unknown>, result: Exclude<ConsultationSaveResult, { ok: true }>) {
  const message = MESSAGES[result.reason];
  return result.field ? submission.reply({ fieldErrors: { [result.field]: [message] } }) : submission.reply({ formErrors: [message] });
}
