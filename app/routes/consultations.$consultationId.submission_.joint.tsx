// /consultations/:id/submission/joint — the delegation's joint submission (issue 19): who its
// submission speaks for (a group its delegation coordinates, before the first submission), the
// co-sponsors it names, and the invitations it received to co-sponsor others' comments. Delegates of
// registered delegations only; everyone else 404. Every rule is decided by app/models/joint.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CosponsorsSection, InvitationsSection } from "~/components/joint/cosponsors";
import { JointPageHead, jointLinks } from "~/components/joint/joint-page";
import { OnBehalfSection } from "~/components/joint/on-behalf";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import type { TitleHandle } from "~/components/ui/document-title";
import { useNotice } from "~/components/ui/notice";
import { useTranslation } from "~/i18n/use-translation";
import { jointRefusalMessage, readJointAction } from "~/lib/joint";
import { paths } from "~/lib/paths";
import { answerInvitation, getJointPage, inviteCosponsor, removeCosponsor, setOnBehalf } from "~/models/joint.server";
import { clientAddress } from "~/utils/auth.server";
import { loadDelegatePage, readDelegateForm, refused } from "~/utils/delegate-page.server";
import { publicBaseUrl } from "~/utils/env.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const links = jointLinks;

export const handle: TitleHandle<typeof loader> = { title: (t) => t("submissions:joint.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadDelegatePage(request, params, getJointPage, "joint.notice");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const read = await readDelegateForm(request, params, readJointAction);
  if (!read.ok) return read.response;
  const { user, consultationId, form } = read;
  const ipAddress = clientAddress(context);
  const result =
    form.intent === "on-behalf"
      ? await setOnBehalf(user, { consultationId, groupId: form.groupId || null, ipAddress })
      : form.intent === "invite"
        ? await inviteCosponsor(user, { consultationId, delegationId: form.delegationId, ipAddress, baseUrl: publicBaseUrl(request) })
        : form.intent === "remove"
          ? await removeCosponsor(user, { consultationId, delegationId: form.delegationId, ipAddress })
          : await answerInvitation(user, { consultationId, submissionId: form.submissionId, answer: form.intent, ipAddress });
  if (!result.ok) return refused(result.reason, jointRefusalMessage);
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
  const { can } = page;
  return (
    <article className="joint-page">
      <JointPageHead
        page={page}
        title={t("joint.title")}
        lead={t("joint.lead")}
        closed={can.invite ? null : t("joint.closed")}
        notice={notice ? t(`joint.notices.${notice}`) : null}
        error={answer?.error}
      />
      <OnBehalfSection group={page.group} coordinated={page.coordinated} submitted={page.submitted} canChange={can.onBehalf} />
      <CosponsorsSection cosponsors={page.cosponsors} candidates={page.candidates} canChange={can.invite} timeZone={page.meeting.timeZone} />
      <InvitationsSection invitations={page.invitations} canAnswer={can.answer} timeZone={page.meeting.timeZone} />
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
