// The side-by-side view's action, one named handler per intent: saving the reader's review (tag
// and private note) of one comment, and recording what became of it (its disposition).
import { data, redirect } from "@remix-run/node";
import type { DispositionReply } from "~/components/side-by-side/disposition-form";
import type { ReviewReply } from "~/components/side-by-side/review-form";
import { MAX_OBSERVATION } from "~/lib/dispositions";
import { isReviewTag, MAX_REVIEW_NOTE } from "~/lib/consolidation";
import { isUuid } from "~/lib/ids";
import { safeAnchor, searchWithoutReview } from "~/lib/side-by-side";
import { mayManageConsultation } from "~/lib/permissions";
import { saveDisposition, setDispositionsPublished, type DispositionRefusal } from "~/models/disposition.server";
import { saveReview, type ReviewRefusal } from "~/models/review.server";
import type { SessionUser } from "~/models/user.server";

type IntentInput = {
  request: Request;
  user: SessionUser;
  consultationId: string;
  form: FormData;
  ipAddress: string;
};

const REFUSALS: Record<Exclude<ReviewRefusal, "not_found">, { message: string; values?: Record<string, number> }> = {
  invalid_tag: { message: "consolidation:errors.invalidTag" },
  note_too_long: { message: "consolidation:errors.noteTooLong", values: { max: MAX_REVIEW_NOTE } },
  note_invalid: { message: "consolidation:errors.noteInvalid" },
};

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** A refused review, with what was typed, for the page to show in that entry's form. */
function refuse(form: FormData, status: number, error: string, values?: Record<string, string | number>) {
  const review: ReviewReply = { form: "review", commentId: field(form, "commentId"), tag: field(form, "tag"), note: field(form, "note"), error, values };
  return data({ review }, { status });
}

/** A refused disposition, with what was chosen and typed, for the page to show in that entry's form. */
function refuseDisposition(form: FormData, status: number, error: string, values?: Record<string, string | number>) {
  const disposition: DispositionReply = {
    form: "disposition",
    commentId: field(form, "commentId"),
    disposition: field(form, "disposition"),
    observation: field(form, "observation"),
    error,
    values,
  };
  return data({ disposition }, { status });
}

const DISPOSITION_REFUSALS: Record<Exclude<DispositionRefusal, "not_found">, { message: string; values?: Record<string, number> }> = {
  invalid_disposition: { message: "consolidation:errors.invalidDisposition" },
  observation_too_long: { message: "consolidation:errors.observationTooLong", values: { max: MAX_OBSERVATION } },
  observation_invalid: { message: "consolidation:errors.observationInvalid" },
  observation_without_disposition: { message: "consolidation:errors.observationWithoutDisposition" },
};

type Intent = (input: IntentInput) => Promise<Response | ReturnType<typeof refuse> | ReturnType<typeof refuseDisposition>>;

/** Back to the same view at the entry, without the open form (post/redirect/get, also without JavaScript). */
function backToEntry(request: Request, form: FormData): never {
  const url = new URL(request.url);
  const anchor = safeAnchor(field(form, "anchor"));
  throw redirect(`${url.pathname}${searchWithoutReview(url.search)}${anchor ? `#${anchor}` : ""}`);
}

/** Saves the reader's tag and private note on one comment, then back to the same view at that entry. */
const saveReviewIntent: Intent = async ({ request, user, consultationId, form, ipAddress }) => {
  const commentId = field(form, "commentId");
  const tag = field(form, "tag");
  if (!isUuid(commentId)) return refuse(form, 400, "consolidation:errors.invalid");
  if (tag !== "" && !isReviewTag(tag)) return refuse(form, 400, REFUSALS.invalid_tag.message);
  const saved = await saveReview(user, { consultationId, commentId, tag: tag === "" ? null : tag, note: field(form, "note"), ipAddress });
  if (!saved.ok) {
    // A comment of this consultation that a new revision replaced meanwhile, or a forged id.
    if (saved.reason === "not_found") return refuse(form, 409, "consolidation:errors.notFound");
    const refusal = REFUSALS[saved.reason];
    return refuse(form, 400, refusal.message, refusal.values);
  }
  backToEntry(request, form);
};

/** Records what became of one comment (or takes it back), then back to the same view at that entry. */
const saveDispositionIntent: Intent = async ({ request, user, consultationId, form, ipAddress }) => {
  const commentId = field(form, "commentId");
  if (!isUuid(commentId)) return refuseDisposition(form, 400, "consolidation:errors.invalid");
  const chosen = field(form, "disposition");
  const saved = await saveDisposition(user, {
    consultationId,
    commentId,
    disposition: chosen === "" ? null : chosen,
    observation: field(form, "observation"),
    ipAddress,
  });
  if (!saved.ok) {
    if (saved.reason === "not_found") return refuseDisposition(form, 409, "consolidation:errors.notFound");
    const refusal = DISPOSITION_REFUSALS[saved.reason];
    return refuseDisposition(form, 400, refusal.message, refusal.values);
  }
  backToEntry(request, form);
};

/** Shows the dispositions to the delegations, or stops: the secretariat's decision (chairs 403). */
const publicationIntent: Intent = async ({ request, user, consultationId, form, ipAddress }) => {
  if (!mayManageConsultation(user)) throw data({ reason: "forbidden" }, { status: 403 });
  const publish = field(form, "publish");
  if (publish !== "0" && publish !== "1") return refuse(form, 400, "consolidation:errors.invalid");
  const done = await setDispositionsPublished(user, { consultationId, publish: publish === "1", ipAddress });
  if (!done.ok) throw data({ reason: "not_found" }, { status: 404 });
  const url = new URL(request.url);
  throw redirect(`${url.pathname}${searchWithoutReview(url.search)}`);
};

const INTENTS: Record<string, Intent> = { review: saveReviewIntent, disposition: saveDispositionIntent, publication: publicationIntent };

/** Sends the posted form to its intent's handler; an unknown intent is refused. */
export function handleIntent(input: IntentInput) {
  const name = field(input.form, "intent");
  const intent = Object.hasOwn(INTENTS, name) ? INTENTS[name] : undefined;
  return intent ? intent(input) : Promise.resolve(refuse(input.form, 400, "consolidation:errors.invalid"));
}
