// "The form could not be read": the answer to what no one can type wrong, only forge or keep
// from an old page (an intent, a hidden field, a button's value). Pure, no I/O.
import type { SubmissionResult } from "@conform-to/react";

export const FORM_UNREADABLE = "common:errors.formUnreadable";

/** Zod's errorMap for a discriminated union, enum or literal: the key, never Zod's English. */
export const unreadable = (message: string = FORM_UNREADABLE) => ({ errorMap: () => ({ message }) });

type Unparsed = {
  error?: Record<string, string[] | null> | null;
  reply(options?: { formErrors?: string[] }): SubmissionResult<string[]>;
};

/**
 * The reply to a form that did not parse. A forged intent or hidden field has no place on the
 * page to show its error, so the message goes with the form's own errors, which every page shows.
 */
export function replyUnparsed(submission: Unparsed, message: string = FORM_UNREADABLE): SubmissionResult<string[]> {
  const unread = Object.values(submission.error ?? {}).some((messages) => messages?.includes(message));
  return unread ? submission.reply({ formErrors: [message] }) : submission.reply();
}
