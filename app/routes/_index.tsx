import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Deadline } from "~/components/deadline";
import { StatusBadge } from "~/components/status-badge";
import { formatCalendarRange } from "~/lib/dates";
import { listConsultationsForUser } from "~/models/consultation.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Nonpaper" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const consultations = await listConsultationsForUser(user);
  return { consultations, role: user.role, readerTimeZone: user.timeZone };
}

export default function Home() {
  const { consultations, role, readerTimeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["consultations", "archive"]);
  return (
    <section>
      <div className="page-title">
        <h1>{t("home.title")}</h1>
        {role === "secretariat" ? (
          <p className="page-title__actions">
            <Link to="/consultations/new" className="button">
              {t("home.newConsultation")}
            </Link>{" "}
            <Link to="/archive/import">{t("archive:links.import")}</Link>
          </p>
        ) : null}
      </div>
      <p className="lead">{t(`home.intro.${role}`)}</p>
      {consultations.length === 0 ? (
        <p className="empty">{t("home.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t("home.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.consultation")}</th>
                <th scope="col">{t("columns.meeting")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.deadline")}</th>
                <th scope="col" className="numeric">
                  {t("columns.points")}
                </th>
              </tr>
            </thead>
            <tbody>
              {consultations.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/consultations/${c.id}`}>{c.title}</Link>
                  </th>
                  <td>
                    <span lang="en">{c.meeting.body}</span>
                    <br />
                    <span className="muted">
                      {c.meeting.venue}, {formatCalendarRange(c.meeting.startDate, c.meeting.endDate, i18n.language)}
                    </span>
                  </td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>
                    <Deadline deadline={c.deadline} meetingTimeZone={c.meeting.timeZone} readerTimeZone={readerTimeZone} />
                  </td>
                  <td className="numeric">{c.pointCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
