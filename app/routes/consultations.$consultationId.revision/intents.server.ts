// The Rev.1 page's action: one model call per intent, then back to the point with a notice; a
// refusal answers with its message and what was typed, and changes nothing.
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import { paths } from "~/lib/paths";
import { RevisionSchema, type RevisionIntent } from "~/lib/revision-forms";
import { deletePoint, relabelPoint } from "~/models/agenda.server";
import { revisePoint } from "~/models/point.server";
import { applyAmendment, mergePoints, setAnswer, splitPoint, startRevision, type RevisionRefusal } from "~/models/revision.server";
import type { SessionUser } from "~/models/user.server";
import { redirectWithNotice } from "~/utils/notice.server";

type Input = { request: Request; user: SessionUser; consultationId: string; form: FormData; ipAddress: string };

export type RevisionReply = { intent: string; pointId: string | null; error: string; text?: string; label?: string };

const notFound = () => data({ reason: "not_found" }, { status: 404 });

const MESSAGES: Record<Exclude<RevisionRefusal, "not_found"> | "label_taken", { status: number; key: string }> = {
  wrong_status: { status: 409, key: "revision:errors.wrong_status" },
  stale: { status: 409, key: "revision:errors.stale" },
  not_an_amendment: { status: 400, key: "revision:errors.not_an_amendment" },
  translation_missing: { status: 409, key: "revision:errors.translation_missing" },
  other_item: { status: 400, key: "revision:errors.other_item" },
  unchanged: { status: 400, key: "revision:errors.unchanged" },
  not_circulated: { status: 409, key: "revision:errors.not_circulated" },
  label_taken: { status: 409, key: "revision:errors.label_taken" },
};

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function refuse(form: FormData, status: number, error: string) {
  const reply: RevisionReply = {
    intent: field(form, "intent"),
    pointId: field(form, "pointId") || null,
    error,
    text: form.has("text") ? field(form, "text") : undefined,
    label: form.has("label") ? field(form, "label") : undefined,
  };
  return data({ reply }, { status });
}

export async function handleIntent({ request, user, consultationId, form, ipAddress }: Input) {
  const submission = parseWithZod(form, { schema: RevisionSchema });
  if (submission.status !== "success") {
    const message = Object.values(submission.error ?? {}).flat()[0] ?? "common:errors.formUnreadable";
    return refuse(form, 400, message);
  }
  const value = submission.value;
  const base = { consultationId, ipAddress };
  let result: { ok: true; pointId?: string; id?: string; consultationId?: string } | { ok: false; reason: string };
  let to = consultationId;
  switch (value.intent) {
    case "start": {
      const started = await startRevision(user, base);
      if (!started.ok && started.reason === "wrong_status") return refuse(form, 409, "revision:errors.start_wrong_status");
      result = started;
      if (started.ok) to = started.consultationId;
      break;
    }
    case "wording":
      result = await revisePoint(user, { ...base, pointId: value.pointId, text: value.text, basedOnVersion: value.basedOnVersion });
      break;
    case "apply":
      result = await applyAmendment(user, { ...base, pointId: value.pointId, commentId: value.commentId, basedOnVersion: value.basedOnVersion });
      break;
    case "answer":
      result = await setAnswer(user, { ...base, pointId: value.pointId, commentId: value.commentId, answers: value.answers });
      break;
    case "merge":
      result = await mergePoints(user, { ...base, pointId: value.pointId, otherPointId: value.otherPointId });
      break;
    case "split":
      result = await splitPoint(user, { ...base, pointId: value.pointId });
      break;
    case "relabel":
      result = await relabelPoint(user, { ...base, pointId: value.pointId, label: value.label });
      break;
    case "delete":
      result = await deletePoint(user, { ...base, pointId: value.pointId });
      break;
  }
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    const message = MESSAGES[result.reason as keyof typeof MESSAGES] ?? { status: 400, key: "common:errors.formUnreadable" };
    return refuse(form, message.status, message.key);
  }
  const item = new URL(request.url).searchParams.get("item");
  const pointId = "pointId" in result && result.pointId ? result.pointId : "pointId" in value && value.intent !== "delete" ? value.pointId : null;
  return redirectWithNotice(request, paths.revision(to, { item }, pointId ? `point-${pointId}` : null), {
    kind: "revision.done",
    intent: value.intent as RevisionIntent,
  });
}
