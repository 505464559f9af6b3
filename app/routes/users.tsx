import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { AccountStatusForm } from "~/components/account/account-status-form";
import { ApproverForm, MissionClearance, type MissionClearanceRow } from "~/components/account/clearance-settings";
import { CLEARANCE_SETTINGS_INTENTS, ClearanceSettingsSchema, clearanceRefusalMessage } from "~/lib/clearance";
import { setApprover, setMissionClearance } from "~/models/clearance.server";
import { FieldErrors } from "~/components/ui/field";
import { Notice, useNotice } from "~/components/ui/notice";
import { TableShell } from "~/components/ui/table-shell";
import { AccountStatusSchema } from "~/lib/account-forms";
import { disableAccount, enableAccount } from "~/models/account.server";
import { delegationName } from "~/lib/delegation-names";
import { paths } from "~/lib/paths";
import { LANGUAGES, type Language } from "~/i18n/languages";
import { listUsers } from "~/models/user.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import accountStylesheet from "~/styles/account.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("users:title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStylesheet }];

export async function loader({ request }: LoaderFunctionArgs) {
  const officer = await requireRole(request, "secretariat");
  // notice: left by the action's redirect (an account disabled or enabled, a clearance setting).
  return { users: await listUsers(), officerId: officer.id, notice: await readNotice(request, ["users.notice", "users.clearance"]) };
}

/**
 * Disable or enable an account (secretariat; never one's own); make a delegate an approver of their
 * mission or not, require a mission's clearance or not (issue 19).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, "secretariat");
  const formData = await request.formData();
  if ((CLEARANCE_SETTINGS_INTENTS as readonly unknown[]).includes(formData.get("intent")))
    return clearanceAction(request, officer, formData, clientAddress(context));
  const submission = parseWithZod(formData, { schema: AccountStatusSchema });
  if (submission.status !== "success")
    return data(
      {
        errors: Object.values(submission.error ?? {})
          .flat()
          .filter(Boolean) as string[],
      },
      { status: 400 },
    );
  const input = { userId: submission.value.userId, ipAddress: clientAddress(context) };
  const result =
    submission.value.intent === "disable" ? await disableAccount(officer, { ...input, reason: submission.value.reason }) : await enableAccount(officer, input);
  if (!result.ok) {
    if (result.reason === "forbidden") throw data({ reason: "forbidden" }, { status: 403 });
    if (result.reason === "not_found") throw data({ reason: "not_found" }, { status: 404 });
    return data({ errors: [`account:disable.errors.${result.reason}`] }, { status: 409 });
  }
  const notice = submission.value.intent === "disable" ? "disabled" : "enabled";
  throw await redirectWithNotice(request, paths.users(), { kind: "users.notice", notice, count: result.sessionsEnded });
}

async function clearanceAction(request: Request, officer: Awaited<ReturnType<typeof requireRole>>, formData: FormData, ipAddress: string | null) {
  const submission = parseWithZod(formData, { schema: ClearanceSettingsSchema });
  if (submission.status !== "success") return data({ errors: [clearanceRefusalMessage("invalid")] }, { status: 400 });
  const value = submission.value;
  const result =
    value.intent === "set-approver"
      ? await setApprover(officer, { userId: value.userId, approver: value.approver === "on", ipAddress })
      : await setMissionClearance(officer, { delegationId: value.delegationId, required: value.required === "on", ipAddress });
  if (!result.ok) {
    if (result.reason === "forbidden") throw data({ reason: "forbidden" }, { status: 403 });
    if (result.reason === "not_found") throw data({ reason: "not_found" }, { status: 404 });
    return data({ errors: [clearanceRefusalMessage(result.reason)] }, { status: result.reason === "invalid" ? 400 : 409 });
  }
  const notice =
    value.intent === "set-approver" ? (value.approver === "on" ? "approverOn" : "approverOff") : value.required === "on" ? "clearanceOn" : "clearanceOff";
  throw await redirectWithNotice(request, paths.users(), { kind: "users.clearance", notice });
}

/** The missions with delegate accounts, from the list already read: setting, active approvers, accounts. */
function missionsOf(users: Awaited<ReturnType<typeof listUsers>>, language: Language): MissionClearanceRow[] {
  const byId = new Map<string, MissionClearanceRow>();
  for (const user of users) {
    if (!user.delegation) continue;
    const row = byId.get(user.delegation.id) ?? {
      id: user.delegation.id,
      name: delegationName(user.delegation, language),
      required: user.delegation.clearanceRequired,
      approvers: 0,
      delegates: 0,
    };
    row.delegates += 1;
    if (user.approver && !user.disabledAt) row.approvers += 1;
    byId.set(row.id, row);
  }
  const collator = new Intl.Collator(language);
  return [...byId.values()].sort((a, b) => collator.compare(a.name, b.name));
}

export default function UsersPage() {
  const { users, officerId, ...loaded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation(["users", "common", "account"]);
  const language = i18n.language as Language;
  const notice = useNotice(loaded.notice);
  return (
    <section>
      <h1>{t("title")}</h1>
      <p className="lead">{t("count", { count: users.length })}</p>
      {notice?.kind === "users.notice" ? <Notice tone="success">{t(`account:disable.notices.${notice.notice}`, { count: notice.count })}</Notice> : null}
      {notice?.kind === "users.clearance" ? <Notice tone="success">{t(`clearance.notices.${notice.notice}`)}</Notice> : null}
      <FieldErrors errors={actionData?.errors} />
      <TableShell caption={t("title")} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t("columns.name")}</th>
            <th scope="col">{t("columns.email")}</th>
            <th scope="col">{t("columns.role")}</th>
            <th scope="col">{t("columns.delegation")}</th>
            <th scope="col">{t("columns.language")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("clearance.column")}</th>
            <th scope="col">{t("account:disable.column")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.name}</th>
              <td dir="ltr">{user.email}</td>
              <td>{t(`common:roles.${user.role}`)}</td>
              <td>{user.delegation ? delegationName(user.delegation, language) : "—"}</td>
              <td lang={user.language}>{LANGUAGES.find((l) => l.code === user.language)?.nativeName}</td>
              <td>{user.disabledAt ? t("status.disabled") : t("status.active")}</td>
              <td>{user.role === "delegate" ? <ApproverForm user={user} /> : "—"}</td>
              <td>{user.id === officerId ? <span className="muted">{t("account:disable.you")}</span> : <AccountStatusForm user={user} />}</td>
            </tr>
          ))}
        </tbody>
      </TableShell>
      <MissionClearance missions={missionsOf(users, language)} />
    </section>
  );
}
