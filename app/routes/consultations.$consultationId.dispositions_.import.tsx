import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ImportProblems, SHOWN_PROBLEMS, type ImportProblemView } from "~/components/dispositions/import-problems";
import { DispositionImportReview, type DispositionChangeView } from "~/components/dispositions/import-review";
import { DispositionUploadForm } from "~/components/dispositions/import-upload-form";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import type { TitleHandle } from "~/components/ui/document-title";
import { Notice, useNotice } from "~/components/ui/notice";
import { readDispositionWorkbook, rejectWorkbook } from "~/documents/disposition-xlsx";
import { fixedTranslator } from "~/i18n/i18next";
import { useTranslation } from "~/i18n/use-translation";
import { delegationName } from "~/lib/delegation-names";
import { MAX_IMPORT_ROWS, parseDispositionRows, refusedRow, uploadedName, type ImportProblem, type SheetRow } from "~/lib/disposition-import";
import { DISPOSITIONS } from "~/lib/dispositions";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { MAX_UPLOAD_BYTES } from "~/lib/upload-check";
import { getDispositionImportSetup, importDispositions, previewDispositionImport, type DispositionImportChange } from "~/models/disposition.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import { badRequest, notFound, readPostedForm, type PostedForm } from "~/utils/submission-import.server";

export const handle: TitleHandle<typeof loader> = { title: (t) => t("consolidation:dispositionImport.title") };

// Two steps, both plain POSTs (the page works without JavaScript):
// - "preview" (multipart): the comment-resolution table filled in Excel is read and checked row by
//   row, and compared with what is saved; the page lists the changes, or every row's problem;
// - "confirm" posts the listed changes back (hidden fields): the server checks them all again and
//   saves them all, or none if any row is refused (someone changed that comment meanwhile).
// The same readers as the side-by-side view: the secretariat and the consultation's chairs; 403 to
// delegates, 404 to anyone else.

async function guard(request: Request, consultationId: string | undefined) {
  const user = await requireRole(request, "secretariat", "chair");
  const setup = isUuid(consultationId) ? await getDispositionImportSetup(user, consultationId) : null;
  if (!setup) throw notFound();
  return { user, consultation: setup.consultation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { consultation } = await guard(request, params.consultationId);
  return {
    consultation: { id: consultation.id, title: consultation.title },
    maxMegabytes: MAX_UPLOAD_BYTES / (1024 * 1024),
    // Left by the confirmation's redirect: how many dispositions were saved (a reload posts nothing).
    imported: await readNotice(request, ["dispositions.imported"]),
  };
}

type ActionData =
  { step: "upload"; problems: ImportProblemView[]; total: number } | { step: "review"; filename: string; changes: DispositionChangeView[]; unchanged: number };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, consultation } = await guard(request, params.consultationId);
  const form = await readPostedForm(request);
  const intent = form.fields.get("intent");
  const language = await resolveLanguage(request, user.language);
  const input = { user, consultationId: consultation.id, language };
  if (intent === "preview") return preview(input, form);
  if (intent === "confirm" && !form.file && !form.oversized) return confirm({ ...input, request, ipAddress: clientAddress(context) }, form.fields);
  throw badRequest();
}

type StepInput = { user: Awaited<ReturnType<typeof requireRole>>; consultationId: string; language: Awaited<ReturnType<typeof resolveLanguage>> };

/** Nothing saved: the problems, the first hundred shown; an unknown disposition with the choices in the reader's language. */
function refuse(problems: readonly ImportProblem[], language: StepInput["language"]) {
  const t = fixedTranslator(language, "consolidation");
  const choices = DISPOSITIONS.map((d) => t(`consolidation:dispositions.${d}`)).join(", ");
  const shown = problems.slice(0, SHOWN_PROBLEMS).map(({ message, values }) => ({
    message,
    values: message.endsWith(".unknownDisposition") ? { ...values, choices } : values,
  }));
  return data<ActionData>({ step: "upload", problems: shown, total: problems.length }, { status: 400 });
}

function changeView(change: DispositionImportChange, language: StepInput["language"]): DispositionChangeView {
  const { delegation, item, ...rest } = change;
  return { ...rest, delegation: delegationName(delegation, language), item: item.number ?? item.title };
}

async function preview({ user, consultationId, language }: StepInput, form: PostedForm) {
  if (form.oversized && form.oversized !== "file") throw badRequest();
  const read = form.oversized ? rejectWorkbook("too_large") : await readDispositionWorkbook(form.file?.bytes ?? null);
  if (!read.ok) return refuse([{ rowNumber: null, message: read.message, values: read.values }], language);
  const parsed = parseDispositionRows(read.rows);
  if (!parsed.ok) return refuse(parsed.problems, language);
  const plan = await previewDispositionImport(user, { consultationId, rows: parsed.entries });
  if (!plan) throw notFound();
  if (!plan.ok) return refuse(plan.refused.map(refusedRow), language);
  return data<ActionData>({
    step: "review",
    filename: uploadedName(form.file?.name ?? ""),
    changes: plan.changes.map((change) => changeView(change, language)),
    unchanged: plan.unchanged,
  });
}

/** The changes the preview listed, as posted back: five fields per row, in step. */
function postedRows(fields: FormData): (SheetRow & { before: string })[] {
  const all = (name: string) => fields.getAll(name).map((value) => (typeof value === "string" ? value : null));
  const [rows, ids, dispositions, observations, befores] = ["row", "id", "disposition", "observation", "before"].map(all) as (string | null)[][];
  const count = ids!.length;
  if (count > MAX_IMPORT_ROWS || [rows, dispositions, observations, befores].some((list) => list!.length !== count)) throw badRequest();
  return ids!.map((id, i) => {
    const rowNumber = Number(rows![i]);
    const values = [id, dispositions![i], observations![i], befores![i]];
    if (!Number.isSafeInteger(rowNumber) || rowNumber < 1 || values.some((value) => value === null)) throw badRequest();
    return { rowNumber, id: id!, dispositionLabel: dispositions![i]!, observation: observations![i]!, before: befores![i]! };
  });
}

async function confirm({ request, user, consultationId, language, ipAddress }: StepInput & { request: Request; ipAddress: string }, fields: FormData) {
  const rows = postedRows(fields);
  const parsed = parseDispositionRows(rows);
  if (!parsed.ok) return refuse(parsed.problems, language);
  // Every row gave an entry, in order: each keeps the state its preview showed.
  const entries = parsed.entries.map((entry, i) => ({ ...entry, before: rows[i]!.before }));
  const saved = await importDispositions(user, { consultationId, rows: entries, ipAddress });
  if (!saved) throw notFound();
  if (!saved.ok) return refuse(saved.refused.map(refusedRow), language);
  return redirectWithNotice(request, paths.dispositionImport(consultationId), { kind: "dispositions.imported", count: saved.changes.length });
}

// ---------------------------------------------------------------------------------------------
// The page

export default function DispositionImportPage() {
  const { consultation, maxMegabytes, ...loaded } = useLoaderData<typeof loader>();
  const imported = useNotice(loaded.imported);
  const actionData = useActionData<ActionData>();
  const { t } = useTranslation("consolidation");
  const toSideBySide = <Link to={paths.sideBySide(consultation.id)}>{t("sideBySide.title")}</Link>;
  return (
    <article className="disposition-import">
      <p className="eyebrow">{toSideBySide}</p>
      <h1>{actionData?.step === "review" ? t("dispositionImport.reviewTitle") : t("dispositionImport.title")}</h1>
      {actionData?.step === "review" ? (
        <>
          <DispositionImportReview changes={actionData.changes} unchanged={actionData.unchanged} filename={actionData.filename} />
          <p>
            <Link to=".">{t("dispositionImport.startAgain")}</Link>
          </p>
        </>
      ) : imported && !actionData ? (
        <>
          <Notice tone="success">{t("dispositionImport.done", { count: imported.count })}</Notice>
          <p>
            {toSideBySide}
            {" · "}
            <Link to=".">{t("dispositionImport.another")}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t("dispositionImport.intro")}</p>
          {actionData?.step === "upload" ? <ImportProblems problems={actionData.problems} total={actionData.total} /> : null}
          <DispositionUploadForm consultationId={consultation.id} maxMegabytes={maxMegabytes} />
        </>
      )}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
