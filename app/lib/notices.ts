// The one-time confirmations an action leaves for the page it redirects to ("Saved.", "Non-paper 2
// has been circulated"), instead of a flag in the address that a reload or a shared link repeats.
// The action sets one with redirectWithNotice (app/utils/notice.server.ts), in a signed cookie;
// the page's loader reads it with readNotice and the root loader clears it once delivered. Every
// kind is listed here with its values, and checked on the way back in. Pure: the pages type their
// data with it.
import { z } from "zod";
import { AGENDA_EDITOR_INTENTS, type AgendaEditorIntent } from "~/lib/agenda-forms";
import { isReceiptNumber } from "~/lib/receipts";

const count = z.number().int().min(0).max(1_000_000);
// A delegation's code (the rule of isDelegationCode, a server module) and a receipt number.
const code = z.string().regex(/^[A-Z]{2,3}$/);
const receipt = z.string().max(64).refine(isReceiptNumber);
const agendaIntent = z.custom<AgendaEditorIntent>((value) => typeof value === "string" && (AGENDA_EDITOR_INTENTS as string[]).includes(value));

export const NoticeSchema = z.discriminatedUnion("kind", [
  /** The consultation's overview, after circulating: "Non-paper N has been circulated". */
  z.object({ kind: z.literal("consultation.circulated"), number: count.min(1) }),
  /** The circulation page: the covering note saved, the reflection period closed. */
  z.object({ kind: z.literal("circulation.saved") }),
  z.object({ kind: z.literal("circulation.closed") }),
  /** The closing page: reminders queued (messages, missions), the period closed (notices queued). */
  z.object({ kind: z.literal("closing.reminded"), messages: count, delegations: count }),
  z.object({ kind: z.literal("closing.closed"), count }),
  /** The agenda editor: one of its changes, or a pasted agenda saved. */
  z.object({ kind: z.literal("agenda.done"), intent: agendaIntent }),
  z.object({ kind: z.literal("agenda.imported"), items: count, points: count }),
  /** Dispositions imported from the comment-resolution table: how many were saved. */
  z.object({ kind: z.literal("dispositions.imported"), count }),
  /** The Chair's revised text: one of its changes made (issue 18). */
  z.object({ kind: z.literal("revision.done"), intent: z.enum(["start", "wording", "apply", "answer", "merge", "split", "relabel", "delete"]) }),
  /** The CRP page: the introduction saved, a version compiled. */
  z.object({ kind: z.literal("crp.saved") }),
  z.object({ kind: z.literal("crp.compiled"), version: count.min(1) }),
  /** A comment's translation saved as a draft or final. */
  z.object({ kind: z.literal("translation.saved"), status: z.enum(["draft", "final"]) }),
  /** The secretariat's submissions: a late revision accepted or declined, a deadline extended. */
  z.object({ kind: z.literal("submissions.decided"), decision: z.enum(["accepted", "declined"]), code, receipt }),
  z.object({ kind: z.literal("submissions.extended"), code }),
  /**
   * The delegate's editor: the submission withdrawn, or the review sent back (stale, empty); issue
   * 19: clearance asked of the mission's approvers, the mission's clearance switched on or off.
   */
  z.object({ kind: z.literal("submission.notice"), notice: z.enum(["withdrawn", "stale", "empty", "clearanceRequested", "clearanceOn", "clearanceOff"]) }),
  /** The joint submission page (issue 19): who the submission speaks for, a co-sponsor named or removed, an invitation answered. */
  z.object({ kind: z.literal("joint.notice"), notice: z.enum(["onBehalf", "own", "invited", "removed", "confirm", "decline", "withdraw"]) }),
  /** The alignment page: an alignment recorded or withdrawn, with its receipt. */
  z.object({ kind: z.literal("alignment.notice"), notice: z.enum(["aligned", "withdrawn"]), receipt }),
  /** The mission page (issue 19): its focal point invited a colleague, withdrew an invitation or removed a colleague, with the address. */
  z.object({ kind: z.literal("mission.notice"), notice: z.enum(["invited", "withdrawn", "removed"]), email: z.string().max(320) }),
  /** The outbox: failed messages queued again (0: there was nothing to retry). */
  z.object({ kind: z.literal("outbox.retried"), count }),
  /** One's own account page after a change, with the sessions it ended. */
  z.object({ kind: z.literal("account.notice"), notice: z.enum(["password-changed", "session-ended", "session-gone", "others-ended"]), count }),
  /** The account's two-factor page: two-factor sign-in turned off. */
  z.object({ kind: z.literal("twoFactor.disabled") }),
  /** The users page: an account disabled or enabled, and the sessions that ended with it. */
  z.object({ kind: z.literal("users.notice"), notice: z.enum(["disabled", "enabled"]), count }),
  /** The users page (issue 19): a delegate made an approver or not, a mission's clearance on or off. */
  z.object({ kind: z.literal("users.clearance"), notice: z.enum(["approverOn", "approverOff", "clearanceOn", "clearanceOff"]) }),
  /** The sign-in page after a password reset. */
  z.object({ kind: z.literal("signIn.resetDone") }),
]);

export type Notice = z.infer<typeof NoticeSchema>;
export type NoticeKind = Notice["kind"];
/** The notice of one kind (or of a few), as a page's loader returns it. */
export type NoticeOf<K extends NoticeKind> = Extract<Notice, { kind: K }>;
