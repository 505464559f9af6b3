// /groups/:groupId — one group of States, standing or formed for a consultation: its names in the six
// languages, its members (untick to remove, paste names or codes to add) and the date of its
// membership. The secretariat's page (others 403; an unknown group 404). A consultation's own group
// changes while the consultation is a draft or open.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { GroupForm } from "~/components/groups/group-form";
import { MemberProblems } from "~/components/groups/member-problems";
import { Badge } from "~/components/ui/badge";
import { isolate, withData } from "~/components/ui/data-text";
import type { TitleHandle } from "~/components/ui/document-title";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { formatCalendarDate } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";
import { canChangeConsultationGroups, groupName, SaveGroupSchema, type GroupsActionData } from "~/lib/groups";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { getGroupPage } from "~/models/group.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { handleGroupForm } from "~/utils/group-form.server";
import groupsStylesheet from "~/styles/groups.css?url";

export const handle: TitleHandle<typeof loader> = {
  title: (t, data, language) => (data?.group ? `${isolate(groupName(data.group, language))} · ${t("groups:title")}` : null),
};

export const links: LinksFunction = () => [{ rel: "stylesheet", href: groupsStylesheet }];

const notFound = () => data({ reason: "not_found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const page = isUuid(params.groupId) ? await getGroupPage(user, params.groupId) : null;
  if (!page) throw notFound();
  const { consultation } = page.group;
  return { ...page, canChange: !consultation || canChangeConsultationGroups(consultation.status) };
}

/** Saves the group's names, members and date (secretariat). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.groupId)) throw notFound();
  const formData = await request.formData();
  if (formData.get("intent") !== "save") throw data({ reason: "bad_intent" }, { status: 400 });
  return handleGroupForm(user, formData, SaveGroupSchema, { save: { groupId: params.groupId } }, clientAddress(context));
}

export default function GroupPage() {
  const { group, members, canChange } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as GroupsActionData | undefined;
  const { t, i18n } = useTranslation("groups");
  const language = i18n.language as Language;
  const { consultation } = group;
  return (
    <section className="groups">
      <p className="groups__back">
        {consultation ? (
          <Link to={paths.consultationGroups(consultation.id)}>{t("page.backToConsultation")}</Link>
        ) : (
          <Link to={paths.groups()}>{t("page.back")}</Link>
        )}
      </p>
      <PageHeader
        title={groupName(group, language)}
        aside={<Badge>{t(`kinds.${group.kind}`)}</Badge>}
        lead={
          <>
            {t("page.membershipAsOf", { date: formatCalendarDate(group.membershipAsOf, language) })} · {t("page.memberCount", { count: members.length })} ·{" "}
            <span className="muted">{group.code}</span>
          </>
        }
      />
      <p>{consultation ? withData(t("page.ofConsultation", { title: isolate(consultation.title) })) : t("page.standing")}</p>
      <Notice tone="success">{actionData?.notice?.kind === "saved" ? t("notices.saved") : null}</Notice>
      {actionData?.problems ? <MemberProblems problems={actionData.problems} /> : null}
      {canChange ? (
        <GroupForm
          // A new form after each save: the members ticked are the group's again.
          key={String(group.updatedAt)}
          id="group-save"
          intent="save"
          schema={SaveGroupSchema}
          defaults={group}
          members={members}
          lastResult={actionData?.result}
          submitLabel={t("form.save")}
        />
      ) : (
        <>
          <Notice tone="info" announce={false}>
            {t("page.locked")}
          </Notice>
          <ul className="groups__members">
            {members.map((member) => (
              <li key={member.id}>
                <bdi>{delegationName(member, language)}</bdi> <span className="muted">{member.code}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
