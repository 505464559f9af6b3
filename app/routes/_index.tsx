import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Deadline } from "~/components/deadline";
import { StatusBadge } from "~/components/status-badge";
import { DelegationStatus } from "~/components/submission/delegation-status";
import { formatCalendarRange } from "~/lib/dates";
import { listConsultationsForUser } from "~/models/consultation.server";
import { getDelegationProgress } from "~/models/delegation-state.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Nonpaper" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const consultations = await listConsultationsForUser(user);
  // A delegate also sees where their delegation stands on each, and its own deadline: one query
  // for the whole list.
  const progress = await getDelegationProgress(user);
  return {
    consultations: consultations.map((c) => {
      const own = progress.get(c.id);
      return { ...c, deadline: own ? own.deadline : c.deadline, delegation: own ? { state: own.state, extended: own.extended } : null };
    }),
    role: user.role,
    readerTimeZone: user.timeZone,
  };
}

export default function Home() {
  const { consultations, role, readerTimeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["consultations", "archive", "submissions"]);
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
          {/* On a phone each row becomes a card, its cells labelled (data-label): nothing scrolls away. */}
          <table className="table table--cards">
            <caption className="visually-hidden">{t("home.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.consultation")}</th>
                <th scope="col">{t("columns.meeting")}</th>
                <th scope="col">{t("columns.status")}</th>
                {role === "delegate" ? <th scope="col">{t("submissions:nonPaper.panelTitle")}</th> : null}
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
                    <Link to={`/consultations/${c.id}`}>
                      <bdi>{c.title}</bdi>
                    </Link>
                  </th>
                  <td data-label={t("columns.meeting")}>
                    <bdi lang="en">{c.meeting.body}</bdi>
                    <br />
                    <span className="muted">
                      <bdi>{c.meeting.venue}</bdi>, {formatCalendarRange(c.meeting.startDate, c.meeting.endDate, i18n.language)}
                    </span>
                  </td>
                  <td data-label={t("columns.status")}>
                    <StatusBadge status={c.status} />
                  </td>
                  {role === "delegate" ? (
                    <td data-label={t("submissions:nonPaper.panelTitle")}>
                      {c.delegation ? (
                        <DelegationStatus state={c.delegation.state} timeZone={readerTimeZone ?? c.meeting.timeZone} variant="compact" />
                      ) : null}
                    </td>
                  ) : null}
                  <td data-label={t("columns.deadline")}>
                    <Deadline deadline={c.deadline} meetingTimeZone={c.meeting.timeZone} readerTimeZone={readerTimeZone} />
                    {c.delegation?.extended ? <span className="deadline__extended">{t("submissions:editor.extended")}</span> : null}
                  </td>
                  <td className="numeric" data-label={t("columns.points")}>
                    {c.pointCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
