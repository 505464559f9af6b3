import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AddDelegations } from "~/components/registrations/add-delegations";
import { DelegatesPanel } from "~/components/registrations/delegates-panel";
import { RegistrationMessages } from "~/components/registrations/registration-messages";
import { RegistrationNotice } from "~/components/registrations/registration-notice";
import { RegistrationsHeader } from "~/components/registrations/registrations-header";
import { RegistrationsTable } from "~/components/registrations/registrations-table";
import { isActive, type ConsultationStatus } from "~/lib/consultation-status";
import { isUuid } from "~/lib/ids";
import { timeZoneChoices } from "~/lib/invitation-rules";
import { withDelegatesAndInvitations } from "~/lib/registered-delegations";
import {
  InviteSchema,
  ParticipationSchema,
  RegisterSchema,
  RemoveSchema,
  ResendSchema,
  ReviewSchema,
  RevokeSchema,
  REFUSALS,
  type Notice,
  type RegistrationsActionData,
} from "~/lib/registration-forms";
import { canChangeRegistrations } from "~/lib/registration-review";
import { changesByMission, DelegateLimitSchema, FOCAL_POINT_REFUSALS, FocalPointSchema } from "~/lib/focal-point";
import { inviteDelegate, resendInvitation, revokeInvitation } from "~/models/invitation.server";
import {
  changeParticipation,
  findConsultationStatus,
  getRegistrationsPage,
  registerDelegations,
  removeRegistration,
  reviewPastedNames,
  setDelegateLimit,
  setFocalPoint,
  type FocalPointResult,
} from "~/models/registration.server";
import type { SessionUser } from "~/models/user.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { isMailConfigured } from "~/utils/mailer.server";
import { publicBaseUrl } from "~/utils/env.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import registrationsStylesheet from "~/styles/registrations.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("registrations:title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: registrationsStylesheet }];

const notFound = () => data({ reason: "not_found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const page = isUuid(params.consultationId) ? await getRegistrationsPage(user, params.consultationId) : null;
  if (!page) throw notFound();
  const registeredIds = new Set(page.registered.map((r) => r.delegation.id));
  const query = new URL(request.url).searchParams;
  return {
    consultation: page.consultation,
    canChange: canChangeRegistrations(page.consultation.status),
    canInvite: isActive(page.consultation.status),
    registered: withDelegatesAndInvitations(page.registered, page.delegates, page.invitations, new Date()),
    delegations: page.delegations.map((d) => ({ ...d, registered: registeredIds.has(d.id) })),
    filter: query.get("q")?.slice(0, 100) ?? "",
    // ?open=PER opens that delegation's delegates (the table's links), with or without JavaScript.
    openCode: query.get("open")?.slice(0, 10) ?? null,
    timeZones: timeZoneChoices(),
    // The latest changes by each mission's focal point, by delegation code (issue 19).
    missionChanges: Object.fromEntries(changesByMission(page.missionChanges)),
  };
}

// ---------------------------------------------------------------------------------------------
// The action: one handler per intent

const respond = (payload: RegistrationsActionData, status = 200) => data(payload, { status });

type Call = { user: SessionUser; consultationId: string; status: ConsultationStatus; formData: FormData; ipAddress: string; origin: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const consultationId = params.consultationId;
  const status = isUuid(consultationId) ? await findConsultationStatus(consultationId) : null;
  if (!isUuid(consultationId) || !status) throw notFound();
  const formData = await request.formData();
  const call: Call = { user, consultationId, status, formData, ipAddress: clientAddress(context), origin: publicBaseUrl(request) };
  switch (String(formData.get("intent") ?? "")) {
    case "review":
      return review(call);
    case "register":
      return register(call);
    case "remove":
      return remove(call);
    case "participation":
      return participation(call);
    case "invite":
      return invite(call);
    case "resend":
      return resend(call);
    case "revoke":
      return revoke(call);
    case "focal-point":
      return focalPoint(call);
    case "delegate-limit":
      return delegateLimit(call);
    default:
      throw data({ reason: "bad_intent" }, { status: 400 });
  }
}

async function review({ consultationId, status, formData }: Call) {
  const intent = "review";
  const submission = parseWithZod(formData, { schema: ReviewSchema });
  if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
  if (!canChangeRegistrations(status)) return respond({ intent, result: submission.reply({ formErrors: ["registrations:errors.locked"] }) }, 409);
  const rows = await reviewPastedNames(consultationId, submission.value.names);
  if (!rows.length) return respond({ intent, result: submission.reply({ fieldErrors: { names: ["registrations:errors.noNamesFound"] } }) }, 400);
  return respond({ intent, result: submission.reply(), review: rows, names: submission.value.names });
}

async function register({ user, consultationId, formData, ipAddress }: Call) {
  const intent = "register";
  const submission = parseWithZod(formData, { schema: RegisterSchema });
  const source = formData.get("source") === "review" ? "review" : "pick";
  // From the review, a refusal shows the review again, with what the officer ticked.
  const names = typeof formData.get("names") === "string" ? String(formData.get("names")) : undefined;
  const again = async () => (source === "review" && names ? { review: await reviewPastedNames(consultationId, names), names } : {});
  if (submission.status !== "success") return respond({ intent, source, result: submission.reply(), ...(await again()) }, 400);
  const { delegationId: delegationIds, participation } = submission.value;
  const result = await registerDelegations(user, { consultationId, delegationIds, participation, ipAddress });
  if (result.ok) {
    const notice: Notice = { kind: "registered", added: result.added, alreadyRegistered: result.alreadyRegistered };
    return respond({ intent, source, result: submission.reply({ resetForm: true }), notice });
  }
  if (result.reason === "not_found") throw notFound();
  const refusal = REFUSALS.register[result.reason];
  return respond({ intent, source, result: submission.reply({ formErrors: [refusal.message] }), ...(await again()) }, refusal.status);
}

async function remove({ user, consultationId, formData, ipAddress }: Call) {
  const intent = "remove";
  const submission = parseWithZod(formData, { schema: RemoveSchema });
  if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
  const { delegationId } = submission.value;
  const result = await removeRegistration(user, { consultationId, delegationId, ipAddress });
  if (result.ok) return respond({ intent, delegationId, notice: { kind: "removed", code: result.code } });
  const refusal = REFUSALS.remove[result.reason];
  return respond({ intent, delegationId, result: submission.reply({ formErrors: [refusal.message] }) }, refusal.status);
}

async function participation({ user, consultationId, formData, ipAddress }: Call) {
  const intent = "participation";
  const submission = parseWithZod(formData, { schema: ParticipationSchema });
  if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
  const { delegationId, participation: chosen } = submission.value;
  const result = await changeParticipation(user, { consultationId, delegationId, participation: chosen, ipAddress });
  if (result.ok) return respond({ intent, delegationId, notice: { kind: "participationChanged", delegationId, participation: chosen } });
  const refusal = REFUSALS.participation[result.reason];
  return respond({ intent, delegationId, result: submission.reply({ formErrors: [refusal.message] }) }, refusal.status);
}

async function invite({ user, consultationId, formData, ipAddress, origin }: Call) {
  const intent = "invite";
  const submission = parseWithZod(formData, { schema: InviteSchema });
  const delegationId = String(formData.get("delegationId") ?? "");
  if (submission.status !== "success") return respond({ intent, delegationId, result: submission.reply() }, 400);
  const { email, name, language, timeZone } = submission.value;
  const input = { consultationId, delegationId: submission.value.delegationId, email, name, language, timeZone: timeZone || null, origin, ipAddress };
  const result = await inviteDelegate(user, input);
  if (result.ok) {
    const notice: Notice = { kind: "invited", email: result.email, expiresAt: result.expiresAt, ...queuedLink(result.link) };
    return respond({ intent, delegationId, result: submission.reply({ resetForm: true }), notice });
  }
  const refusal = REFUSALS.invite[result.reason];
  // An address that cannot be invited is the email field's error; the rest is the form's.
  const onEmail = result.reason === "already_delegate" || result.reason === "email_taken";
  const reply = onEmail ? submission.reply({ fieldErrors: { email: [refusal.message] } }) : submission.reply({ formErrors: [refusal.message] });
  return respond({ intent, delegationId, result: reply }, refusal.status);
}

async function resend({ user, consultationId, formData, ipAddress, origin }: Call) {
  const intent = "resend";
  const submission = parseWithZod(formData, { schema: ResendSchema });
  if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
  const result = await resendInvitation(user, { consultationId, invitationId: submission.value.invitationId, origin, ipAddress });
  if (result.ok) {
    const notice: Notice = { kind: "resent", email: result.email, expiresAt: result.expiresAt, ...queuedLink(result.link) };
    return respond({ intent, delegationId: result.delegationId, notice });
  }
  const refusal = REFUSALS.resend[result.reason];
  return respond({ intent, result: submission.reply({ formErrors: [refusal.message] }) }, refusal.status);
}

async function revoke({ user, consultationId, formData, ipAddress }: Call) {
  const intent = "revoke";
  const submission = parseWithZod(formData, { schema: RevokeSchema });
  if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
  const result = await revokeInvitation(user, { consultationId, invitationId: submission.value.invitationId, ipAddress });
  if (result.ok) return respond({ intent, delegationId: result.delegationId ?? undefined, notice: { kind: "revoked", email: result.email } });
  const refusal = REFUSALS.revoke[result.reason];
  return respond({ intent, result: submission.reply({ formErrors: [refusal.message] }) }, refusal.status);
}

/** A refusal of the focal point's or the limit's change, said at the top of the page. */
function focalPointRefused(
  intent: string,
  delegationId: string,
  reply: (options: { formErrors: string[] }) => RegistrationsActionData["result"],
  result: FocalPointResult,
) {
  if (result.ok) throw new Error("not a refusal");
  if (result.reason === "not_found") throw notFound();
  const refusal = FOCAL_POINT_REFUSALS[result.reason];
  return respond({ intent, delegationId, result: reply({ formErrors: [refusal.message] }) }, refusal.status);
}

async function focalPoint({ user, consultationId, formData, ipAddress }: Call) {
  const intent = "focal-point";
  const submission = parseWithZod(formData, { schema: FocalPointSchema });
  if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
  const { delegationId, focalPointId } = submission.value;
  const result = await setFocalPoint(user, { consultationId, delegationId, focalPointId, ipAddress });
  if (!result.ok) return focalPointRefused(intent, delegationId, submission.reply.bind(submission), result);
  return respond({ intent, delegationId, notice: { kind: "focalPointSet", delegationId, name: result.name ?? null } });
}

async function delegateLimit({ user, consultationId, formData, ipAddress }: Call) {
  const intent = "delegate-limit";
  const submission = parseWithZod(formData, { schema: DelegateLimitSchema });
  if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
  const { delegationId, delegateLimit: limit } = submission.value;
  const result = await setDelegateLimit(user, { consultationId, delegationId, delegateLimit: limit, ipAddress });
  if (!result.ok) return focalPointRefused(intent, delegationId, submission.reply.bind(submission), result);
  return respond({ intent, delegationId, notice: { kind: "delegateLimitSet", delegationId, limit } });
}

/** Whether the message waits (no mail server), and then the link to hand over. */
function queuedLink(link: string) {
  return isMailConfigured() ? { queued: false } : { queued: true, link };
}

// ---------------------------------------------------------------------------------------------
// The page

export default function RegistrationsPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as RegistrationsActionData | undefined;
  const { consultation, registered, canChange, canInvite } = page;
  const byCode = new Map(page.delegations.map((d) => [d.code, d]));
  const byId = new Map(page.delegations.map((d) => [d.id, d]));
  // Errors of the one-button forms in table rows are shown at the top of the page.
  const rowErrors =
    actionData && ["remove", "participation", "resend", "revoke"].includes(actionData.intent)
      ? (actionData.result?.error?.[""] ?? undefined)
      : // The focal point's and the limit's forms: their fields' errors too (a limit out of range).
        actionData && ["focal-point", "delegate-limit"].includes(actionData.intent)
        ? Object.values(actionData.result?.error ?? {}).flatMap((errors) => errors ?? [])
        : undefined;
  // What happened to one delegation's invitations is said beside them; the rest at the top.
  const notice = actionData?.notice;
  const isInvitationNotice = notice ? ["invited", "resent", "revoked", "focalPointSet", "delegateLimitSet"].includes(notice.kind) : false;
  const noticeText = notice ? (
    <RegistrationNotice notice={notice} byCode={byCode} byId={byId} timeZone={consultation.meeting.timeZone} consultationId={consultation.id} />
  ) : null;

  return (
    <article className="registrations">
      <RegistrationsHeader consultation={consultation} count={registered.length} canChange={canChange} canInvite={canInvite} />
      <RegistrationMessages answer={actionData} notice={isInvitationNotice ? null : noticeText} errors={rowErrors} />
      <RegistrationsTable registered={registered} canChange={canChange} />
      {canChange ? <AddDelegations delegations={page.delegations} byId={byId} initialFilter={page.filter} actionData={actionData} /> : null}
      {registered.length ? (
        <DelegatesPanel
          registered={registered}
          canInvite={canInvite}
          consultationId={consultation.id}
          missionChanges={page.missionChanges}
          timeZone={consultation.meeting.timeZone}
          timeZones={page.timeZones}
          openCode={page.openCode}
          actionData={actionData}
          invitationNotice={isInvitationNotice ? noticeText : null}
        />
      ) : null}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
