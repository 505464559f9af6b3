// /consultations/:id/alignments — alignment (issue 19): the comments other delegations and groups
// have submitted, which the delegation may align itself with before its deadline ("Align",
// "Withdraw alignment"), and its own alignments with their receipts. Delegates of registered
// delegations only; everyone else 404. Every rule is decided by app/models/joint.server.ts.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AlignmentReceipts, AlignmentTargets } from "~/components/joint/alignments";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import { isolate, withData } from "~/components/ui/data-text";
import type { TitleHandle } from "~/components/ui/document-title";
import { Deadline } from "~/components/ui/deadline";
import { Notice, useNotice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { useTranslation } from "~/i18n/use-translation";
import { FORM_UNREADABLE } from "~/lib/form-unreadable";
import { isUuid } from "~/lib/ids";
import { alignmentRefusalMessage, readAlignmentAction } from "~/lib/joint";
import { paths } from "~/lib/paths";
import { mayWriteSubmission } from "~/lib/permissions";
import { alignWith, getAlignmentsPage, withdrawAlignment } from "~/models/joint.server";
import { getDelegationDeadline } from "~/models/submission-access.server";
import { clientAddress, requireUser } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import submissionStylesheet from "~/styles/submission.css?url";
import jointStylesheet from "~/styles/joint.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: submissionStylesheet },
  { rel: "stylesheet", href: jointStylesheet },
];

export const handle: TitleHandle<typeof loader> = { title: (t) => t("submissions:alignment.title") };

const notFound = () => data({ reason: "not_found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = mayWriteSubmission(user) && isUuid(params.consultationId) ? await getAlignmentsPage(user, params.consultationId) : null;
  if (!page) throw notFound();
  return { ...page, readerTimeZone: user.timeZone ?? page.meeting.timeZone, notice: await readNotice(request, ["alignment.notice"]) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Whoever may not reach the consultation's delegate pages gets 404 before the form is read.
  if (!mayWriteSubmission(user) || !isUuid(params.consultationId) || !(await getDelegationDeadline(user, params.consultationId))) throw notFound();
  const consultationId = params.consultationId;
  const parsed = readAlignmentAction(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? FORM_UNREADABLE }, { status: 400 });
  const input = { consultationId, submissionId: parsed.data.submissionId, ipAddress: clientAddress(context), baseUrl: publicBaseUrl(request) };
  const result = parsed.data.intent === "align" ? await alignWith(user, input) : await withdrawAlignment(user, input);
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    return data({ error: alignmentRefusalMessage(result.reason) }, { status: 409 });
  }
  throw await redirectWithNotice(request, paths.alignments(consultationId), {
    kind: "alignment.notice",
    notice: parsed.data.intent === "align" ? "aligned" : "withdrawn",
    receipt: result.receiptNumber,
  });
}

export default function AlignmentsPage() {
  const page = useLoaderData<typeof loader>();
  const notice = useNotice(page.notice);
  const answer = useActionData<typeof action>();
  const { t } = useTranslation(["submissions", "common"]);
  const { consultation, deadline, can } = page;
  return (
    <article className="joint-page">
      <p className="eyebrow">
        <Link to={paths.submission(consultation.id)}>{t("receipt.backToEditor")}</Link>
      </p>
      <PageHeader title={t("alignment.title")} lead={t("alignment.lead")} />
      <p>
        <strong>{t("editor.deadline")}</strong>{" "}
        {deadline.effective ? (
          <Deadline deadline={deadline.effective} meetingTimeZone={page.meeting.timeZone} readerTimeZone={page.readerTimeZone} />
        ) : (
          t("editor.noDeadline")
        )}
      </p>
      {!can.change ? (
        <Notice tone="warning" announce={false}>
          {t("alignment.closed")}
        </Notice>
      ) : null}
      {notice ? <Notice tone="success">{withData(t(`alignment.notices.${notice.notice}`, { receipt: isolate(notice.receipt) }))}</Notice> : null}
      {answer?.error ? <Notice tone="danger">{t(answer.error as never)}</Notice> : null}

      <section aria-labelledby="alignment-targets-title" className="joint-section">
        <h2 id="alignment-targets-title">{t("alignment.table.caption")}</h2>
        <AlignmentTargets targets={page.targets} canChange={can.change} labelledBy="alignment-targets-title" />
      </section>
      <AlignmentReceipts consultationId={consultation.id} alignments={page.alignments} timeZone={page.meeting.timeZone} />
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
