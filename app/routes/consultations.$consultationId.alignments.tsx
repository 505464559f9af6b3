// /consultations/:id/alignments — alignment (issue 19): the comments other delegations and groups
// have submitted, which the delegation may align itself with before its deadline ("Align",
// "Withdraw alignment"), and its own alignments with their receipts. Delegates of registered
// delegations only; everyone else 404. Every rule is decided by app/models/joint.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AlignmentReceipts, AlignmentTargets } from "~/components/joint/alignments";
import { JointPageHead, jointLinks } from "~/components/joint/joint-page";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import { isolate, withData } from "~/components/ui/data-text";
import type { TitleHandle } from "~/components/ui/document-title";
import { useNotice } from "~/components/ui/notice";
import { useTranslation } from "~/i18n/use-translation";
import { alignmentRefusalMessage, readAlignmentAction } from "~/lib/joint";
import { paths } from "~/lib/paths";
import { alignWith, getAlignmentsPage, withdrawAlignment } from "~/models/joint.server";
import { clientAddress } from "~/utils/auth.server";
import { loadDelegatePage, readDelegateForm, refused } from "~/utils/delegate-page.server";
import { publicBaseUrl } from "~/utils/env.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const links = jointLinks;

export const handle: TitleHandle<typeof loader> = { title: (t) => t("submissions:alignment.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadDelegatePage(request, params, getAlignmentsPage, "alignment.notice");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const read = await readDelegateForm(request, params, readAlignmentAction);
  if (!read.ok) return read.response;
  const { user, consultationId, form } = read;
  const input = { consultationId, submissionId: form.submissionId, ipAddress: clientAddress(context), baseUrl: publicBaseUrl(request) };
  const result = form.intent === "align" ? await alignWith(user, input) : await withdrawAlignment(user, input);
  if (!result.ok) return refused(result.reason, alignmentRefusalMessage);
  throw await redirectWithNotice(request, paths.alignments(consultationId), {
    kind: "alignment.notice",
    notice: form.intent === "align" ? "aligned" : "withdrawn",
    receipt: result.receiptNumber,
  });
}

export default function AlignmentsPage() {
  const page = useLoaderData<typeof loader>();
  const notice = useNotice(page.notice);
  const answer = useActionData<typeof action>();
  const { t } = useTranslation(["submissions", "common"]);
  return (
    <article className="joint-page">
      <JointPageHead
        page={page}
        title={t("alignment.title")}
        lead={t("alignment.lead")}
        closed={page.can.change ? null : t("alignment.closed")}
        notice={notice ? withData(t(`alignment.notices.${notice.notice}`, { receipt: isolate(notice.receipt) })) : null}
        error={answer?.error}
      />
      <AlignmentTargets targets={page.targets} canChange={page.can.change} />
      <AlignmentReceipts consultationId={page.consultation.id} alignments={page.alignments} timeZone={page.meeting.timeZone} />
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
