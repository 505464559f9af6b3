import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ImportReviewForm, ImportWarnings, type ImportReviewValues } from "~/components/agenda-import-review";
import { FormErrors } from "~/components/form-errors";
import { countImport, ImportReviewSchema, MAX_IMPORT_ITEMS, MAX_IMPORT_POINTS, MAX_PASTED, normalizeLine, PasteSchema } from "~/lib/agenda-forms";
import { suggestAgendaNumbers } from "~/lib/agenda-labels";
import { isEditableStructure } from "~/lib/consultation-status";
import { isUuid } from "~/lib/ids";
import {
  applyReviewOp,
  countReview,
  excludeReviewLines,
  parseDiscussionPoints,
  parseReviewOp,
  reviewFromText,
  type ImportWarning,
  type ReviewItem,
} from "~/lib/point-import";
import { getConsultationForImport, importAgendaItems } from "~/models/agenda.server";
import { clientAddress, requireRole } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.consultation.title} · Nonpaper` : "Nonpaper" },
];

// Two steps on one page, both plain POSTs so that they work without JavaScript: "preview" splits
// the pasted text and answers with a review form; "save" validates the reviewed form again and
// saves it in one transaction; "back" returns the pasted text to its box. Nothing is stored
// before "save": the pasted text travels with the form. Corrections to the review ("review:split:0:3"
// and the like) are posts too: the server applies them to the review as posted and answers
// with the corrected review, so they work the same with or without JavaScript.

type ImportActionData =
  | { step: "paste"; pasted: string; result: SubmissionResult<string[]> | null }
  | {
      step: "review";
      pasted: string;
      reviewKey: string;
      review: ImportReviewValues | null;
      warnings: ImportWarning[];
      found: { items: number; points: number };
      /** True once the officer has corrected the review: the counts are then what will be saved. */
      corrected: boolean;
      /** The id of the element to focus after a correction. */
      focus: string | null;
      /** A correction that could not be made, as a translation key. */
      opError: string | null;
      result: SubmissionResult<string[]> | null;
    };

// The review as posted, read leniently: it is only corrected here, and validated on "save".
const MAX_REVIEW_ENTRIES = 2_000;
const text = z.string().max(MAX_PASTED).optional();
const ReviewStateSchema = z.object({
  items: z
    .array(
      z.object({
        kind: z.enum(["item", "lines"]).optional(),
        exclude: z.boolean().optional(),
        number: text,
        heading: text,
        title: text,
        introduction: text,
        points: z
          .array(z.object({ kind: z.enum(["point", "line"]).optional(), exclude: z.boolean().optional(), label: text, text }))
          .max(MAX_REVIEW_ENTRIES)
          .optional(),
      }),
    )
    .max(MAX_IMPORT_ITEMS + 1)
    .optional(),
});

function readReview(formData: FormData): ReviewItem[] | null {
  const state = parseWithZod(formData, { schema: ReviewStateSchema });
  if (state.status !== "success") return null;
  return (state.value.items ?? []).map((item) => ({
    kind: item.kind ?? "item",
    exclude: item.exclude ?? false,
    number: item.number ?? "",
    heading: item.heading ?? "",
    title: item.title ?? "",
    introduction: item.introduction ?? "",
    points: (item.points ?? []).map((p) => ({ kind: p.kind ?? "point", exclude: p.exclude ?? false, label: p.label ?? "", text: p.text ?? "" })),
  }));
}

// Left-out text is shown in place in the review, and "no points" follows the review as corrected.
function reviewWarnings(warnings: ImportWarning[], items: ReviewItem[]): ImportWarning[] {
  const kept = warnings.filter((w) => w.code !== "ignored_line" && w.code !== "no_points_found");
  return countReview(items).points === 0 ? [{ code: "no_points_found", line: 0, detail: "" }, ...kept] : kept;
}

const notFound = () => data({ reason: "not_found" }, { status: 404 });

async function loadTarget(request: Request, consultationId: string | undefined) {
  const user = await requireRole(request, "secretariat");
  const target = isUuid(consultationId) ? await getConsultationForImport(user, consultationId) : null;
  if (!target) throw notFound();
  return { user, target };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { target } = await loadTarget(request, params.consultationId);
  return { consultation: target.consultation, isDraft: isEditableStructure(target.consultation.status) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, target } = await loadTarget(request, params.consultationId);
  const consultationId = target.consultation.id;
  const formData = await request.formData();
  const intent = formData.get("intent");
  const pastedField = formData.get("pasted");
  const pasted = typeof pastedField === "string" ? pastedField.slice(0, MAX_PASTED) : "";

  if (!isEditableStructure(target.consultation.status)) {
    return data<ImportActionData>({ step: "paste", pasted, result: { status: "error", error: { "": ["agenda:errors.notDraft"] } } }, { status: 409 });
  }

  if (intent === "back") return data<ImportActionData>({ step: "paste", pasted, result: null });

  if (intent === "preview") {
    const submission = parseWithZod(formData, { schema: PasteSchema });
    if (submission.status !== "success") return data<ImportActionData>({ step: "paste", pasted, result: submission.reply() }, { status: 400 });
    const parsed = reviewFromText(submission.value.pasted);
    // A review form of thousands of boxes helps nobody, and could not be saved anyway.
    const found = countReview(parsed.items);
    const tooMuch = found.items > MAX_IMPORT_ITEMS ? "agenda:errors.tooManyItems" : found.points > MAX_IMPORT_POINTS ? "agenda:errors.tooManyPoints" : null;
    if (tooMuch) {
      return data<ImportActionData>({ step: "paste", pasted, result: submission.reply({ fieldErrors: { pasted: [tooMuch] } }) }, { status: 400 });
    }
    const realItems = parsed.items.filter((item) => item.kind === "item");
    const numbers = suggestAgendaNumbers(
      target.existingNumbers,
      realItems.map((item) => item.title),
    );
    realItems.forEach((item, index) => (item.number = numbers[index] ?? ""));
    return data<ImportActionData>({
      step: "review",
      pasted: submission.value.pasted,
      reviewKey: globalThis.crypto.randomUUID(),
      review: { items: parsed.items },
      warnings: reviewWarnings(parsed.warnings, parsed.items),
      found,
      corrected: false,
      focus: null,
      opError: null,
      result: null,
    });
  }

  if (typeof intent === "string" && intent.startsWith("review:")) {
    const op = parseReviewOp(intent);
    const items = readReview(formData);
    if (!op || !items) throw data({ reason: "bad_request" }, { status: 400 });
    // With JavaScript the page sends where the cursor was in the point to split: "item:entry:offset".
    const cursor = /^(\d+):(\d+):(\d+)$/.exec(String(formData.get("cursor") ?? ""));
    const at = op.op === "split" && cursor && Number(cursor[1]) === op.item && Number(cursor[2]) === op.entry ? Number(cursor[3]) : undefined;
    const applied = applyReviewOp(items, op.op === "split" ? { ...op, at } : op);
    if (!applied.ok && applied.reason === "not_found") throw data({ reason: "bad_request" }, { status: 400 });
    const next = applied.ok ? applied.items : items;
    const focus = applied.ok
      ? applied.focus.entry === null || applied.focus.entry < 0
        ? `import-item-${applied.focus.item}`
        : `import-entry-${applied.focus.item}-${applied.focus.entry}`
      : `import-entry-${"entry" in op ? `${op.item}-${op.entry}` : op.item}`;
    return data<ImportActionData>(
      {
        step: "review",
        pasted,
        reviewKey: globalThis.crypto.randomUUID(),
        review: { items: next },
        warnings: reviewWarnings(parseDiscussionPoints(pasted).warnings, next),
        found: countReview(next),
        corrected: true,
        focus,
        opError: applied.ok ? null : "agenda:errors.splitNowhere",
        result: null,
      },
      { status: applied.ok ? 200 : 400 },
    );
  }

  if (intent !== "save") throw data({ reason: "bad_request" }, { status: 400 });
  excludeReviewLines(formData);
  const submission = parseWithZod(formData, { schema: ImportReviewSchema });
  // The review comes back as typed (Conform restores it from the reply), with the warnings again.
  const backToReview = (result: SubmissionResult<string[]>, status: number) => {
    const items = readReview(formData) ?? [];
    const reviewKey = formData.get("reviewKey");
    return data<ImportActionData>(
      {
        step: "review",
        pasted,
        reviewKey: typeof reviewKey === "string" && reviewKey ? reviewKey.slice(0, 100) : globalThis.crypto.randomUUID(),
        review: null,
        warnings: reviewWarnings(parseDiscussionPoints(pasted).warnings, items),
        found: countReview(items),
        corrected: true,
        focus: null,
        opError: null,
        result,
      },
      { status },
    );
  };
  if (submission.status !== "success") return backToReview(submission.reply(), 400);
  // Agenda items alone are not an import of a report: something was found wrongly, or not at all.
  if (countImport(submission.value.items).points === 0) {
    return backToReview(submission.reply({ formErrors: ["agenda:errors.noPointsToImport"] }), 400);
  }

  const saved = await importAgendaItems(user, { consultationId, items: submission.value.items, ipAddress: clientAddress(context) });
  if (saved.ok) {
    throw redirect(
      `/consultations/${consultationId}/agenda?${new URLSearchParams({ done: "imported", items: String(saved.items), points: String(saved.points) })}`,
    );
  }
  switch (saved.reason) {
    case "not_found":
      throw notFound();
    case "wrong_status":
      return backToReview(submission.reply({ formErrors: ["agenda:errors.notDraft"] }), 409);
    case "label_taken":
      return backToReview(submission.reply({ formErrors: ["agenda:errors.labelTaken"] }), 409);
    case "number_taken": {
      // Point at the box holding the number that another agenda item already has.
      const raw = (submission.payload.items ?? []) as { number?: string; exclude?: string }[];
      const index = raw.findIndex((item) => !item.exclude && normalizeLine(item.number ?? "") === saved.number);
      const fieldErrors: Record<string, string[]> = index >= 0 ? { [`items[${index}].number`]: ["agenda:errors.numberTaken"] } : {};
      return backToReview(submission.reply({ formErrors: index >= 0 ? [] : ["agenda:errors.numberTaken"], fieldErrors }), 409);
    }
  }
}

export default function AgendaImportPage() {
  const { consultation, isDraft } = useLoaderData<typeof loader>();
  const actionData = useActionData<ImportActionData>();
  const { t } = useTranslation("agenda");
  const editorPath = `/consultations/${consultation.id}/agenda`;
  const eyebrow = (
    <p className="eyebrow">
      <Link to={`/consultations/${consultation.id}`}>
          <bdi>{consultation.title}</bdi>
        </Link> · <Link to={editorPath}>{t("editor.title")}</Link>
    </p>
  );

  if (!isDraft) {
    return (
      <article className="agenda-import">
        {eyebrow}
        <h1>{t("import.title")}</h1>
        <p className="note">{t("import.notDraft")}</p>
        <p>
          <Link to={editorPath}>{t("import.toEditor")}</Link>
        </p>
      </article>
    );
  }

  if (actionData?.step === "review") {
    return (
      <article className="agenda-import">
        {eyebrow}
        <h1>{t("import.reviewTitle")}</h1>
        <p className="lead">
          {(() => {
            const counts = {
              items: t("counts.items", { count: actionData.found.items }),
              points: t("counts.points", { count: actionData.found.points }),
            };
            return actionData.corrected ? t("import.inReview", counts) : t("import.found", counts);
          })()}
        </p>
        <p>{t("import.reviewHelp")}</p>
        <ImportWarnings warnings={actionData.warnings} />
        <ImportReviewForm
          key={actionData.reviewKey}
          reviewKey={actionData.reviewKey}
          pasted={actionData.pasted}
          defaultValue={actionData.review}
          lastResult={actionData.result}
          focus={actionData.focus}
          opError={actionData.opError}
        />
      </article>
    );
  }

  return (
    <article className="agenda-import">
      {eyebrow}
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("import.intro")}</p>
      <PasteForm pasted={actionData?.pasted ?? ""} lastResult={actionData?.result ?? null} />
    </article>
  );
}

function PasteForm({ pasted, lastResult }: { pasted: string; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation("agenda");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "import-paste",
    lastResult,
    defaultValue: { pasted },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasteSchema }),
  });
  const field = fields.pasted;
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="preview" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={field.id}>{t("import.pastedLabel")}</label>
        <div className="field__help muted" id={`${field.id}-help`}>
          <p>{t("import.pastedHelp")}</p>
          <p>{t("import.pastedExample")}</p>
        </div>
        <textarea
          {...getTextareaProps(field, { ariaDescribedBy: `${field.id}-help` })}
          className="import-paste"
          rows={18}
          lang="en"
          dir="ltr"
          spellCheck={false}
        />
        <FormErrors id={field.errorId} errors={field.errors} />
      </div>
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {t("import.split")}
      </button>
    </Form>
  );
}
