// /consultations/:id/submission/joint — the delegation's joint submission (issue 19): who its
// submission speaks for (a group its delegation coordinates, before the first submission), the
// co-sponsors it names, and the invitations it received to co-sponsor others' comments. Delegates of
// registered delegations only; everyone else 404. Every rule is decided by app/models/joint.server.ts.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CosponsorsSection, InvitationsSection } from "~/components/joint/cosponsors";
import { OnBehalfSection } from "~/components/joint/on-behalf";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import type { TitleHandle } from "~/components/ui/document-title";
import { Deadline } from "~/components/ui/deadline";
import { Notice, useNotice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { useTranslation } from "~/i18n/use-translation";
import { FORM_UNREADABLE } from "~/lib/form-unreadable";
import { isUuid } from "~/lib/ids";
import { jointRefusalMessage, readJointAction } from "~/lib/joint";
import { paths } from "~/lib/paths";
import { mayWriteSubmission } from "~/lib/permissions";
import { answerInvitation, getJointPage, inviteCosponsor, removeCosponsor, setOnBehalf } from "~/models/joint.server";
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

export const handle: TitleHandle<typeof loader> = { title: (t) => t("submissions:joint.title") };

const notFound = () => data({ reason: "not_found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = mayWriteSubmission(user) && isUuid(params.consultationId) ? await getJointPage(user, params.consultationId) : null;
  if (!page) throw notFound();
  return { ...page, readerTimeZone: user.timeZone ?? page.meeting.timeZone, notice: await readNotice(request, ["joint.notice"]) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Whoever may not reach the consultation's delegate pages gets 404 before the form is read.
  if (!mayWriteSubmission(user) || !isUuid(params.consultationId) || !(await getDelegationDeadline(user, params.consultationId))) throw notFound();
  const consultationId = params.consultationId;
  const parsed = readJointAction(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? FORM_UNREADABLE }, { status: 400 });
  const form = parsed.data;
  const ipAddress = clientAddress(context);
  const result =
    form.intent === "on-behalf"
      ? await setOnBehalf(user, { consultationId, groupId: form.groupId || null, ipAddress })
      : form.intent === "invite"
        ? await inviteCosponsor(user, { consultationId, delegationId: form.delegationId, ipAddress, baseUrl: publicBaseUrl(request) })
        : form.intent === "remove"
          ? await removeCosponsor(user, { consultationId, delegationId: form.delegationId, ipAddress })
          : await answerInvitation(user, { consultationId, submissionId: form.submissionId, answer: form.intent, ipAddress });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    return data({ error: jointRefusalMessage(result.reason) }, { status: 409 });
  }
  const notice =
    form.intent === "on-behalf"
      ? form.groupId
        ? "onBehalf"
        : "own"
      : form.intent === "invite"
        ? "invited"
        : form.intent === "remove"
          ? "removed"
          : form.intent;
  throw await redirectWithNotice(request, paths.joint(consultationId), { kind: "joint.notice", notice });
}

export default function JointSubmissionPage() {
  const page = useLoaderData<typeof loader>();
  const notice = useNotice(page.notice)?.notice;
  const answer = useActionData<typeof action>();
  const { t } = useTranslation(["submissions", "common"]);
  const { consultation, deadline, can } = page;
  return (
    <article className="joint-page">
      <p className="eyebrow">
        <Link to={paths.submission(consultation.id)}>{t("receipt.backToEditor")}</Link>
      </p>
      <PageHeader title={t("joint.title")} lead={t("joint.lead")} />
      <p>
        <strong>{t("editor.deadline")}</strong>{" "}
        {deadline.effective ? (
          <Deadline deadline={deadline.effective} meetingTimeZone={page.meeting.timeZone} readerTimeZone={page.readerTimeZone} />
        ) : (
          t("editor.noDeadline")
        )}
      </p>
      {!can.invite ? (
        <Notice tone="warning" announce={false}>
          {t("joint.closed")}
        </Notice>
      ) : null}
      {notice ? <Notice tone="success">{t(`joint.notices.${notice}`)}</Notice> : null}
      {answer?.error ? <Notice tone="danger">{t(answer.error as never)}</Notice> : null}

      <OnBehalfSection group={page.group} coordinated={page.coordinated} submitted={page.submitted} canChange={can.onBehalf} />
      <CosponsorsSection cosponsors={page.cosponsors} candidates={page.candidates} canChange={can.invite} timeZone={page.meeting.timeZone} />
      <InvitationsSection invitations={page.invitations} canAnswer={can.answer} timeZone={page.meeting.timeZone} />
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
