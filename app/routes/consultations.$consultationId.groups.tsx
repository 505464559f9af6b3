// /consultations/:id/groups — the groups of States that concern the consultation (standing groups
// with a member registered for it, and the groups formed for it), the coordinator of each, chosen
// among its registered members, and a new group for this consultation. The secretariat's page
// (others 403, unknown consultations 404); changes while the consultation is a draft or open.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ConsultationGroupsTable } from "~/components/groups/consultation-groups-table";
import { GroupForm } from "~/components/groups/group-form";
import { MemberProblems } from "~/components/groups/member-problems";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import type { TitleHandle } from "~/components/ui/document-title";
import { FormErrors } from "~/components/ui/form-errors";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { canChangeConsultationGroups, CoordinatorSchema, CreateAdHocGroupSchema, DeleteGroupSchema, GROUP_REFUSALS, type GroupsActionData } from "~/lib/groups";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { mayManageConsultation } from "~/lib/permissions";
import { deleteGroup, getConsultationGroupsPage, setGroupCoordinator } from "~/models/group.server";
import { findConsultationStatus } from "~/models/registration.server";
import type { SessionUser } from "~/models/user.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { requireConsultation } from "~/utils/consultation-access.server";
import { handleGroupForm } from "~/utils/group-form.server";
import groupsStylesheet from "~/styles/groups.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("groups:consultation.title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: groupsStylesheet }];

const notFound = () => data({ reason: "not_found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, consultation } = await requireConsultation(request, params, { may: mayManageConsultation });
  const page = await getConsultationGroupsPage(user, consultation.id);
  if (!page) throw notFound();
  return { ...page, canChange: canChangeConsultationGroups(page.consultation.status), today: new Date().toISOString().slice(0, 10) };
}

const answer = (payload: GroupsActionData, status = 200) => data(payload, { status });

type Call = { user: SessionUser; consultationId: string; formData: FormData; ipAddress: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const consultationId = params.consultationId;
  if (!isUuid(consultationId) || !(await findConsultationStatus(consultationId))) throw notFound();
  const formData = await request.formData();
  const call: Call = { user, consultationId, formData, ipAddress: clientAddress(context) };
  switch (String(formData.get("intent") ?? "")) {
    case "create":
      return handleGroupForm(user, formData, CreateAdHocGroupSchema, { create: { consultationId, kind: "ad_hoc" } }, call.ipAddress);
    case "coordinator":
      return coordinator(call);
    case "delete":
      return remove(call);
    default:
      throw data({ reason: "bad_intent" }, { status: 400 });
  }
}

async function coordinator({ user, consultationId, formData, ipAddress }: Call) {
  const intent = "coordinator";
  const submission = parseWithZod(formData, { schema: CoordinatorSchema });
  if (submission.status !== "success") return answer({ intent, result: submission.reply() }, 400);
  const { groupId, delegationId } = submission.value;
  const result = await setGroupCoordinator(user, { consultationId, groupId, delegationId, ipAddress });
  if (result.ok) return answer({ intent, result: submission.reply(), notice: { kind: "coordinator" } });
  // A group that went meanwhile (or another consultation's): said on the form, not as a missing page.
  const refusal = result.reason === "not_found" ? { message: "groups:errors.groupGone", status: 404 } : GROUP_REFUSALS[result.reason]!;
  return answer({ intent, result: submission.reply({ formErrors: [refusal.message] }) }, refusal.status);
}

async function remove({ user, consultationId, formData, ipAddress }: Call) {
  const intent = "delete";
  const submission = parseWithZod(formData, { schema: DeleteGroupSchema });
  if (submission.status !== "success") return answer({ intent, result: submission.reply() }, 400);
  const result = await deleteGroup(user, { consultationId, groupId: submission.value.groupId, ipAddress });
  if (result.ok) return answer({ intent, result: submission.reply(), notice: { kind: "deleted", code: result.code } });
  const refusal = result.reason === "not_found" ? { message: "groups:errors.groupGone", status: 404 } : GROUP_REFUSALS[result.reason]!;
  return answer({ intent, result: submission.reply({ formErrors: [refusal.message] }) }, refusal.status);
}

export default function ConsultationGroupsPage() {
  const { groups, canChange, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as GroupsActionData | undefined;
  const { t } = useTranslation("groups");
  const notice = actionData?.notice;
  // Errors of the one-row forms (coordinator, delete) are shown above the table.
  const rowErrors = actionData && actionData.intent !== "create" ? (actionData.result?.error?.[""] ?? undefined) : undefined;
  return (
    <section className="groups">
      <PageHeader title={t("consultation.title")} lead={t("consultation.lead")} actions={<Link to={paths.groups()}>{t("consultation.standingLink")}</Link>} />
      {canChange ? null : (
        <Notice tone="info" announce={false}>
          {t("consultation.locked")}
        </Notice>
      )}
      <Notice tone="success">{notice && notice.kind !== "created" ? t(`notices.${notice.kind}`, { code: notice.code }) : null}</Notice>
      <FormErrors errors={rowErrors ?? undefined} />
      <ConsultationGroupsTable groups={groups} canChange={canChange} />
      {canChange ? (
        <section aria-labelledby="new-group" className="panel">
          <h2 id="new-group">{t("consultation.createTitle")}</h2>
          <p>{t("consultation.createIntro")}</p>
          <Notice tone="success">{notice?.kind === "created" ? t("notices.created", { code: notice.code }) : null}</Notice>
          {actionData?.intent === "create" && actionData.problems ? <MemberProblems problems={actionData.problems} /> : null}
          <GroupForm
            id="group-create"
            intent="create"
            schema={CreateAdHocGroupSchema}
            defaults={{ membershipAsOf: today }}
            lastResult={actionData?.intent === "create" ? actionData.result : undefined}
            submitLabel={t("consultation.createSubmit")}
          />
        </section>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
