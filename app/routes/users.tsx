import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { delegationName } from "~/lib/delegation-names";
import { LANGUAGES, type Language } from "~/i18n/languages";
import { listUsers } from "~/models/user.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Nonpaper" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return { users: await listUsers() };
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["users", "common"]);
  const language = i18n.language as Language;
  return (
    <section>
      <h1>{t("title")}</h1>
      <p className="lead">{t("count", { count: users.length })}</p>
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
