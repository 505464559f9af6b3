import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ImportReviewStep } from "~/components/agenda/import-review-step";
import { PasteForm } from "~/components/agenda/paste-form";
import { countImport, ImportReviewSchema, MAX_IMPORT_ITEMS, MAX_IMPORT_POINTS, MAX_PASTED, PasteSchema } from "~/lib/agenda-forms";
import { correctionFocus, itemWithNumber, readReview, reviewWarnings, splitAt, type ImportActionData } from "~/lib/agenda-import-review";
import { suggestAgendaNumbers } from "~/lib/agenda-labels";
import { isEditableStructure } from "~/lib/consultation-status";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { applyReviewOp, countReview, excludeReviewLines, parseDiscussionPoints, parseReviewOp, reviewFromText } from "~/lib/point-import";
import { getConsultationForImport, importAgendaItems } from "~/models/agenda.server";
import type { SessionUser } from "~/models/user.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import agendaStylesheet from "~/styles/agenda.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("agenda:import.title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStylesheet }];

// Two steps on one page, both plain POSTs so that they work without JavaScript: "preview" splits
// the pasted text and answers with a review form; "save" validates the reviewed form again and
// saves it in one transaction; "back" returns the pasted text to its box. Nothing is stored
// before "save": the pasted text travels with the form. Corrections to the review ("review:split:0:3"
// and the like) are posts too: the server applies them to the review as posted and answers
// with the corrected review, so they work the same with or without JavaScript.

const notFound = () => data({ reason: "not_found" }, { status: 404 });
const badRequest = () => data({ reason: "bad_request" }, { status: 400 });

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

// ---------------------------------------------------------------------------------------------
// The action: one handler per step

type Target = NonNullable<Awaited<ReturnType<typeof getConsultationForImport>>>;
type Call = { request: Request; user: SessionUser; target: Target; formData: FormData; pasted: string; ipAddress: string };

function preview({ target, formData, pasted }: Call) {
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

function correct({ formData, pasted }: Call, intent: string) {
  const op = parseReviewOp(intent);
  const items = readReview(formData);
  if (!op || !items) throw badRequest();
  const at = splitAt(op, String(formData.get("cursor") ?? ""));
  const applied = applyReviewOp(items, op.op === "split" ? { ...op, at } : op);
  if (!applied.ok && applied.reason === "not_found") throw badRequest();
  const next = applied.ok ? applied.items : items;
  return data<ImportActionData>(
    {
      step: "review",
      pasted,
      reviewKey: globalThis.crypto.randomUUID(),
      review: { items: next },
      warnings: reviewWarnings(parseDiscussionPoints(pasted).warnings, next),
      found: countReview(next),
      corrected: true,
      focus: correctionFocus(op, applied),
      opError: applied.ok ? null : "agenda:errors.splitNowhere",
      result: null,
    },
    { status: applied.ok ? 200 : 400 },
  );
}

async function save({ request, user, target, formData, pasted, ipAddress }: Call) {
  const consultationId = target.consultation.id;
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

  const saved = await importAgendaItems(user, { consultationId, items: submission.value.items, ipAddress });
  if (saved.ok) {
    throw await redirectWithNotice(request, paths.agenda(consultationId), { kind: "agenda.imported", items: saved.items, points: saved.points });
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
      const index = itemWithNumber((submission.payload.items ?? []) as { number?: string; exclude?: string }[], saved.number);
      const fieldErrors: Record<string, string[]> = index >= 0 ? { [`items[${index}].number`]: ["agenda:errors.numberTaken"] } : {};
      return backToReview(submission.reply({ formErrors: index >= 0 ? [] : ["agenda:errors.numberTaken"], fieldErrors }), 409);
    }
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, target } = await loadTarget(request, params.consultationId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const pastedField = formData.get("pasted");
  const pasted = typeof pastedField === "string" ? pastedField.slice(0, MAX_PASTED) : "";

  if (!isEditableStructure(target.consultation.status)) {
    return data<ImportActionData>({ step: "paste", pasted, result: { status: "error", error: { "": ["agenda:errors.notDraft"] } } }, { status: 409 });
  }
  const call: Call = { request, user, target, formData, pasted, ipAddress: clientAddress(context) };
  if (intent === "back") return data<ImportActionData>({ step: "paste", pasted, result: null });
  if (intent === "preview") return preview(call);
  if (typeof intent === "string" && intent.startsWith("review:")) return correct(call, intent);
  if (intent === "save") return save(call);
  throw badRequest();
}

export default function AgendaImportPage() {
  const { consultation, isDraft } = useLoaderData<typeof loader>();
  const actionData = useActionData<ImportActionData>();
  const { t } = useTranslation("agenda");
  const editorPath = paths.agenda(consultation.id);
  const eyebrow = (
    <p className="eyebrow">
      {" "}
      <Link to={editorPath}>{t("editor.title")}</Link>
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
        <ImportReviewStep answer={actionData} />
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

export const ErrorBoundary = ConsultationPageErrorBoundary;
