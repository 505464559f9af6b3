// /consultations/:id/mission — the mission's delegates (issue 19): every delegate of a delegation
// registered for the consultation reads who is in the mission; its focal point, named by the
// secretariat, invites colleagues within the limit, withdraws pending invitations and removes
// colleagues. Everyone else 404; a delegate who is not the focal point 403 on every change. The
// rules are app/lib/focal-point.ts's, applied by app/models/mission.server.ts.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import { InviteColleague } from "~/components/mission/invite-colleague";
import { MissionDelegates, MissionInvitations } from "~/components/mission/mission-people";
import { MissionSummary } from "~/components/mission/mission-summary";
import { isolate, withData } from "~/components/ui/data-text";
import type { TitleHandle } from "~/components/ui/document-title";
import { FormErrors } from "~/components/ui/form-errors";
import { Notice, useNotice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { useTranslation } from "~/i18n/use-translation";
import {
  MISSION_REFUSALS,
  MissionInviteSchema,
  MissionRemoveSchema,
  MissionWithdrawSchema,
  type MissionActionData,
  type MissionModelRefusal,
  type MissionRefusal,
} from "~/lib/focal-point";
import { paths } from "~/lib/paths";
import { getMissionPage, inviteColleague, missionRefusal, removeColleague, withdrawMissionInvitation } from "~/models/mission.server";
import { clientAddress, requireUser, type SessionUser } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import registrationsStylesheet from "~/styles/registrations.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: registrationsStylesheet }];

export const handle: TitleHandle<typeof loader> = { title: (t) => t("registrations:mission.title") };

const notFound = () => data({ reason: "not_found" }, { status: 404 });
const forbidden = () => data({ reason: "forbidden" }, { status: 403 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await getMissionPage(user, params.consultationId ?? "");
  if (!page) throw notFound();
  return { ...page, readerTimeZone: user.timeZone ?? page.timeZone, notice: await readNotice(request, ["mission.notice"]) };
}

// ---------------------------------------------------------------------------------------------
// The action: the guard, then one handler per intent

const respond = (payload: MissionActionData, status = 200) => data(payload, { status });

type Call = { user: SessionUser; consultationId: string; formData: FormData; request: Request; ipAddress: string; locked: boolean };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const consultationId = params.consultationId ?? "";
  // Before the form is read: not the mission's → 404, not its focal point → 403.
  const refusal = await missionRefusal(user, consultationId);
  if (refusal === "not_found") throw notFound();
  if (refusal === "forbidden") throw forbidden();
  const formData = await request.formData();
  const call: Call = { user, consultationId, formData, request, ipAddress: clientAddress(context), locked: refusal === "locked" };
  switch (String(formData.get("intent") ?? "")) {
    case "invite":
      return invite(call);
    case "withdraw":
      return withdraw(call);
    case "remove":
      return remove(call);
    default:
      throw data({ reason: "bad_intent" }, { status: 400 });
  }
}

type Refused = { ok: false; reason: MissionRefusal | MissionModelRefusal };

/** A refusal of the model: the guard's answers thrown, the rest said in the form (`field`: on that field). */
function refused(
  intent: string,
  reply: (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => MissionActionData["result"],
  result: Refused,
  field?: string,
) {
  if (result.reason === "not_found") throw notFound();
  if (result.reason === "forbidden") throw forbidden();
  const { message, status } = MISSION_REFUSALS[result.reason];
  return respond({ intent, result: field ? reply({ fieldErrors: { [field]: [message] } }) : reply({ formErrors: [message] }) }, status);
}

async function invite({ user, consultationId, formData, request, ipAddress, locked }: Call) {
  const intent = "invite";
  const submission = parseWithZod(formData, { schema: MissionInviteSchema });
  if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
  const reply = submission.reply.bind(submission);
  if (locked) return refused(intent, reply, { ok: false, reason: "locked" });
  const { email, name, language } = submission.value;
  const result = await inviteColleague(user, { consultationId, email, name, language, origin: publicBaseUrl(request), ipAddress });
  if (!result.ok) return refused(intent, reply, result, result.reason === "already_delegate" || result.reason === "email_taken" ? "email" : undefined);
  throw await redirectWithNotice(request, paths.mission(consultationId), { kind: "mission.notice", notice: "invited", email: result.email });
}

async function withdraw({ user, consultationId, formData, request, ipAddress, locked }: Call) {
  const intent = "withdraw";
  const submission = parseWithZod(formData, { schema: MissionWithdrawSchema });
  if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
  const reply = submission.reply.bind(submission);
  if (locked) return refused(intent, reply, { ok: false, reason: "locked" });
  const result = await withdrawMissionInvitation(user, { consultationId, invitationId: submission.value.invitationId, ipAddress });
  if (!result.ok) return refused(intent, reply, result);
  throw await redirectWithNotice(request, paths.mission(consultationId), { kind: "mission.notice", notice: "withdrawn", email: result.email });
}

async function remove({ user, consultationId, formData, request, ipAddress, locked }: Call) {
  const intent = "remove";
  const submission = parseWithZod(formData, { schema: MissionRemoveSchema });
  if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
  const reply = submission.reply.bind(submission);
  if (locked) return refused(intent, reply, { ok: false, reason: "locked" });
  const result = await removeColleague(user, { consultationId, userId: submission.value.userId, ipAddress });
  if (!result.ok) return refused(intent, reply, result);
  throw await redirectWithNotice(request, paths.mission(consultationId), { kind: "mission.notice", notice: "removed", email: result.email });
}

// ---------------------------------------------------------------------------------------------
// The page

export default function MissionPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as MissionActionData | undefined;
  const notice = useNotice(page.notice);
  const { t } = useTranslation("registrations");
  const full = page.count.active + page.count.pending >= page.limit.effective;
  // The one-button forms of the tables say their errors at the top of the page.
  const rowErrors = answer && answer.intent !== "invite" ? (answer.result?.error?.[""] ?? undefined) : undefined;
  return (
    <article className="registrations mission">
      <PageHeader title={t("mission.title")} lead={t("mission.lead")} />
      {notice ? <Notice tone="success">{withData(t(`mission.notices.${notice.notice}`, { email: isolate(notice.email) }))}</Notice> : null}
      <FormErrors errors={rowErrors} values={{ limit: page.limit.effective }} />
      <MissionSummary
        delegation={page.delegation}
        focalPoint={page.focalPoint}
        isFocalPoint={page.isFocalPoint}
        canChange={page.canChange}
        status={page.consultation.status}
        count={page.count}
        limit={page.limit}
      />
      <MissionDelegates delegates={page.delegates} canChange={page.canChange} />
      <MissionInvitations invitations={page.invitations} canChange={page.canChange} timeZone={page.readerTimeZone} />
      {page.canChange ? (
        <InviteColleague
          delegation={page.delegation}
          full={full}
          limit={page.limit.effective}
          lastResult={answer?.intent === "invite" ? answer.result : undefined}
          defaultLanguage={page.delegates.find((d) => d.isYou)?.language ?? "en"}
        />
      ) : null}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
