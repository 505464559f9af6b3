import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportReviewForm, ImportWarnings, type ImportReviewValues } from "~/components/agenda-import-review";
import { FormErrors } from "~/components/form-errors";
import { countImport, ImportReviewSchema, MAX_IMPORT_ITEMS, MAX_IMPORT_POINTS, MAX_PASTED, normalizeLine, PasteSchema } from "~/lib/agenda-forms";
import { suggestAgendaNumbers } from "~/lib/agenda-labels";
import { isEditableStructure } from "~/lib/consultation-status";
import { isUuid } from "~/lib/ids";
import { parseDiscussionPoints, type ImportWarning } from "~/lib/point-import";
import { getConsultationForImport, importAgendaItems } from "~/models/agenda.server";
import { clientAddress, requireRole } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.consultation.title} · Nonpaper` : "Nonpaper" },
];

// Two steps on one page, both plain POSTs so that they work without JavaScript: "preview" splits
// the pasted text and answers with a review form; "save" validates the reviewed form again and
// saves it in one transaction; "back" returns the pasted text to its box. Nothing is stored
// before "save": the pasted text travels with the form.

type ImportActionData =
  | { step: "paste"; pasted: string; result: SubmissionResult<string[]> | null }
  | {
      step: "review";
      pasted: string;
      reviewKey: string;
      review: ImportReviewValues | null;
      warnings: ImportWarning[];
      found: { items: number; points: number };
      result: SubmissionResult<string[]> | null;
    };

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
    const parsed = parseDiscussionPoints(submission.value.pasted);
    // A review form of thousands of boxes helps nobody, and could not be saved anyway.
    const found = countImport(parsed.agendaItems);
    const tooMuch = found.items > MAX_IMPORT_ITEMS ? "agenda:errors.tooManyItems" : found.points > MAX_IMPORT_POINTS ? "agenda:errors.tooManyPoints" : null;
    if (tooMuch) {
      return data<ImportActionData>({ step: "paste", pasted, result: submission.reply({ fieldErrors: { pasted: [tooMuch] } }) }, { status: 400 });
    }
    const numbers = suggestAgendaNumbers(
      target.existingNumbers,
      parsed.agendaItems.map((item) => item.title),
    );
    return data<ImportActionData>({
      step: "review",
      pasted: submission.value.pasted,
      reviewKey: globalThis.crypto.randomUUID(),
      review: {
        items: parsed.agendaItems.map((item, index) => ({
          number: numbers[index] ?? "",
          heading: item.heading ?? "",
          title: item.title,
          introduction: item.introduction ?? "",
          points: item.points.map((p) => ({ label: p.label, text: p.text })),
        })),
      },
      warnings: parsed.warnings,
      found,
      result: null,
    });
  }

  if (intent !== "save") throw data({ reason: "bad_request" }, { status: 400 });
  const submission = parseWithZod(formData, { schema: ImportReviewSchema });
  // The review comes back as typed (Conform restores it from the reply), with the warnings again.
  const backToReview = (result: SubmissionResult<string[]>, status: number) => {
    const parsed = parseDiscussionPoints(pasted);
    const reviewKey = formData.get("reviewKey");
    return data<ImportActionData>(
      {
        step: "review",
        pasted,
        reviewKey: typeof reviewKey === "string" && reviewKey ? reviewKey.slice(0, 100) : globalThis.crypto.randomUUID(),
        review: null,
        warnings: parsed.warnings,
        found: countImport(parsed.agendaItems),
        result,
      },
      { status },
    );
  };
  if (submission.status !== "success") return backToReview(submission.reply(), 400);

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
          {t("import.found", {
            items: t("counts.items", { count: actionData.found.items }),
            points: t("counts.points", { count: actionData.found.points }),
          })}
        </p>
        <p>{t("import.reviewHelp")}</p>
        <ImportWarnings warnings={actionData.warnings} />
        <ImportReviewForm
          key={actionData.reviewKey}
          reviewKey={actionData.reviewKey}
          pasted={actionData.pasted}
          defaultValue={actionData.review}
          lastResult={actionData.result}
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
