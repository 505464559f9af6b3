import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { AccountStatusForm } from "~/components/account/account-status-form";
import { FormErrors } from "~/components/form-errors";
import { AccountStatusSchema } from "~/lib/account-forms";
import { disableAccount, enableAccount } from "~/models/account.server";
import { delegationName } from "~/lib/delegation-names";
import { LANGUAGES, type Language } from "~/i18n/languages";
import { listUsers } from "~/models/user.server";
import { clientAddress, requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Nonpaper" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const officer = await requireRole(request, "secretariat");
  return { users: await listUsers(), officerId: officer.id };
}

/** Disable or enable an account (secretariat; never one's own). */
export async function action({ request, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, "secretariat");
  const submission = parseWithZod(await request.formData(), { schema: AccountStatusSchema });
  if (submission.status !== "success") return data({ errors: Object.values(submission.error ?? {}).flat().filter(Boolean) as string[] }, { status: 400 });
  const input = { userId: submission.value.userId, ipAddress: clientAddress(context) };
  const result =
    submission.value.intent === "disable"
      ? await disableAccount(officer, { ...input, reason: submission.value.reason })
      : await enableAccount(officer, input);
  if (!result.ok) {
    if (result.reason === "forbidden") throw data({ reason: "forbidden" }, { status: 403 });
    if (result.reason === "not_found") throw data({ reason: "not_found" }, { status: 404 });
    return data({ errors: [`account:disable.errors.${result.reason}`] }, { status: 409 });
  }
  const notice = submission.value.intent === "disable" ? "disabled" : "enabled";
  throw redirect(`/users?${new URLSearchParams({ notice, count: String(result.sessionsEnded) })}`);
}

export default function UsersPage() {
  const { users, officerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation(["users", "common", "account"]);
  const language = i18n.language as Language;
  const notice = (["disabled", "enabled"] as const).find((n) => n === params.get("notice"));
  return (
    <section>
      <h1>{t("title")}</h1>
      <p className="lead">{t("count", { count: users.length })}</p>
      {notice ? (
        <p className="flash" role="status">
          {t(`account:disable.notices.${notice}`, { count: Number(params.get("count") ?? 0) || 0 })}
        </p>
      ) : null}
      <FormErrors errors={actionData?.errors} />
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{t("title")}</caption>
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
        </table>
      </div>
    </section>
  );
}
