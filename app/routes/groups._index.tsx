// /groups — the instance's standing groups of States (the UN regional groups, the European Union and
// its member States…): their members and the date of their membership; a new standing group. The
// secretariat's page (others 403). Each group is edited on /groups/:groupId.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GroupForm } from "~/components/groups/group-form";
import { StandingGroupsTable } from "~/components/groups/groups-table";
import type { TitleHandle } from "~/components/ui/document-title";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { CreateStandingGroupSchema, type GroupsActionData } from "~/lib/groups";
import { MemberProblems } from "~/components/groups/member-problems";
import { listStandingGroups } from "~/models/group.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { handleGroupForm } from "~/utils/group-form.server";
import groupsStylesheet from "~/styles/groups.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("groups:title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: groupsStylesheet }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const groups = await listStandingGroups(user);
  if (!groups) throw data({ reason: "forbidden" }, { status: 403 });
  return { groups, today: new Date().toISOString().slice(0, 10) };
}

/** Creates a standing group (secretariat). */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const formData = await request.formData();
  if (formData.get("intent") !== "create") throw data({ reason: "bad_intent" }, { status: 400 });
  return handleGroupForm(user, formData, CreateStandingGroupSchema, { create: { consultationId: null } }, clientAddress(context));
}

export default function StandingGroupsPage() {
  const { groups, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as GroupsActionData | undefined;
  const { t } = useTranslation("groups");
  return (
    <section className="groups">
      <PageHeader title={t("title")} lead={t("lead")} />
      <StandingGroupsTable groups={groups} />
      <section aria-labelledby="new-group" className="panel">
        <h2 id="new-group">{t("standing.createTitle")}</h2>
        <p>{t("standing.createIntro")}</p>
        <Notice tone="success">{actionData?.notice?.kind === "created" ? t("notices.created", { code: actionData.notice.code }) : null}</Notice>
        {actionData?.problems ? <MemberProblems problems={actionData.problems} /> : null}
        <GroupForm
          id="group-create"
          intent="create"
          schema={CreateStandingGroupSchema}
          defaults={{ membershipAsOf: today }}
          withKind
          lastResult={actionData?.result}
          submitLabel={t("standing.createSubmit")}
        />
      </section>
    </section>
  );
}
