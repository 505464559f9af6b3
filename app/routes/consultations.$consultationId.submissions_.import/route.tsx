import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ImportReviewForm } from "~/components/submissions/import-review";
import { ImportUploadForm } from "~/components/submissions/import-upload-form";
import { isolate, withData } from "~/components/ui/data-text";
import { wallClockIn } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { importError, MAX_PASTED } from "~/lib/submission-import-forms";
import { MAX_UPLOAD_BYTES } from "~/lib/upload-check";
import { acceptsImports, getImportSetup, type ImportSetup } from "~/models/submission-import.server";
import { clientAddress, requireRole, type SessionUser } from "~/utils/auth.server";
import { badRequest, notFound, readPostedForm } from "~/utils/submission-import.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import type { ActionData } from "./action-data";
import { preview } from "./preview.server";
import { save } from "./save.server";
import submissionsStylesheet from "~/styles/submissions.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("submissions:importPage.title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: submissionsStylesheet }];

// Two steps on one page, both plain POSTs, so the page works without JavaScript:
// - "preview" (multipart: the file, or the pasted text, with the details of the note) checks the
//   upload by size and content before storing anything, keeps the original as an attachment of
//   the consultation, reads its paragraphs and answers with a proposal for each;
// - "save" posts the officer's targets and wordings with the original's id; the server reads the
//   paragraphs again from the kept original, assembles the submission and records it on the
//   delegation's behalf (submitOnBehalf), then shows the new revision and its receipt.

async function loadSetup(request: Request, consultationId: string | undefined): Promise<{ user: SessionUser; setup: ImportSetup }> {
  const user = await requireRole(request, "secretariat");
  const setup = isUuid(consultationId) ? await getImportSetup(user, consultationId) : null;
  if (!setup) throw notFound();
  return { user, setup };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { setup } = await loadSetup(request, params.consultationId);
  const now = wallClockIn(new Date(), setup.consultation.timeZone);
  return {
    consultation: setup.consultation,
    delegations: setup.delegations,
    accepting: acceptsImports(setup.consultation.status),
    defaults: { receivedDate: now.date, receivedTime: now.time },
    limits: { maxMegabytes: MAX_UPLOAD_BYTES / (1024 * 1024), maxPasted: MAX_PASTED },
  };
}

// ---------------------------------------------------------------------------------------------
// The action: each step to its handler (preview.server.ts, save.server.ts)

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, setup } = await loadSetup(request, params.consultationId);
  if (!acceptsImports(setup.consultation.status)) {
    const message = setup.consultation.status === "draft" ? importError("notCirculated") : importError("compiled");
    return data<ActionData>({ step: "upload", result: { status: "error", error: { "": [message] } }, upload: null, kept: null }, { status: 409 });
  }
  const form = await readPostedForm(request);
  const intent = form.fields.get("intent");
  if (intent === "preview") return preview(user, setup, form);
  if (intent === "save" && !form.file && !form.oversized) return save(user, setup, form.fields, request, clientAddress(context));
  throw badRequest();
}

// ---------------------------------------------------------------------------------------------
// The page

export default function ImportSubmissionPage() {
  const { consultation, delegations, accepting, defaults, limits } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useTranslation("submissions");
  const eyebrow = (
    <p className="eyebrow">
      {" "}
      <Link to={paths.submissions(consultation.id)}>{t("importPage.submissions")}</Link>
    </p>
  );

  if (!accepting) {
    return (
      <article className="submission-import">
        {eyebrow}
        <h1>{t("importPage.title")}</h1>
        <p className="note">{t(consultation.status === "draft" ? "importPage.errors.notCirculated" : "importPage.errors.compiled")}</p>
      </article>
    );
  }

  if (actionData?.step === "review") {
    const { review } = actionData;
    return (
      <article className="submission-import">
        {eyebrow}
        <h1>{t("importPage.reviewTitle")}</h1>
        <p className="lead">{withData(t("importPage.reviewIntro", { count: review.rows.length, filename: isolate(review.original.filename) }))}</p>
        <ImportReviewForm
          key={`${review.original.id}-${review.idempotencyKey}`}
          review={review}
          lastResult={actionData.result}
          issues={actionData.issues}
          delegations={delegations}
          timeZone={consultation.timeZone}
        />
        <p>
          <Link to=".">{t("importPage.startAgain")}</Link>
        </p>
      </article>
    );
  }

  return (
    <article className="submission-import">
      {eyebrow}
      <h1>{t("importPage.title")}</h1>
      <p className="lead">{t("importPage.intro")}</p>
      <ImportUploadForm
        lastResult={actionData?.result ?? null}
        upload={actionData?.upload ?? null}
        kept={actionData?.kept ?? null}
        timeZone={consultation.timeZone}
        delegations={delegations}
        defaults={defaults}
        limits={limits}
      />
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
