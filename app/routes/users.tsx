import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { AccountStatusForm } from "~/components/account/account-status-form";
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
  // notice: left by the action's redirect (an account disabled or enabled).
  return { users: await listUsers(), officerId: officer.id, notice: await readNotice(request, ["users.notice"]) };
}

/** Disable or enable an account (secretariat; never one's own). */
export async function action({ request, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, "secretariat");
  const submission = parseWithZod(await request.formData(), { schema: AccountStatusSchema });
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
      {notice ? <Notice tone="success">{t(`account:disable.notices.${notice.notice}`, { count: notice.count })}</Notice> : null}
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
              <td>{user.id === officerId ? <span className="muted">{t("account:disable.you")}</span> : <AccountStatusForm user={user} />}</td>
            </tr>
          ))}
        </tbody>
      </TableShell>
    </section>
  );
}
