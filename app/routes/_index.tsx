import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Deadline } from "~/components/ui/deadline";
import { StatusBadge } from "~/components/ui/status-badge";
import { DelegationStatus } from "~/components/submission/delegation-status";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { TableShell } from "~/components/ui/table-shell";
import { MeetingName } from "~/components/meetings/meeting-name";
import { formatCalendarRange } from "~/lib/dates";
import { paths } from "~/lib/paths";
import { mayManageConsultation, mayWriteSubmission } from "~/lib/permissions";
import { listConsultationsForUser } from "~/models/consultation.server";
import { getDelegationProgress } from "~/models/delegation-state.server";
import { requireUser } from "~/utils/auth.server";
import type { TitleHandle } from "~/components/ui/document-title";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("consultations:home.title") };

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
  const { t, i18n } = useTranslation(["consultations", "archive", "submissions", "revision"]);
  return (
    <section>
      <PageHeader
        title={t("home.title")}
        lead={t(`home.intro.${role}`)}
        actions={
          mayManageConsultation({ role }) ? (
            <>
              <Button to={paths.consultationNew()}>{t("home.newConsultation")}</Button> <Link to={paths.archiveImport()}>{t("archive:links.import")}</Link>
            </>
          ) : null
        }
      />
      {consultations.length === 0 ? (
        <p className="empty">{t("home.empty")}</p>
      ) : (
        // On a phone each row becomes a card, its cells labelled (data-label): nothing scrolls away.
        <TableShell caption={t("home.title")} captionHidden tableClassName="table--cards">
          <thead>
            <tr>
              <th scope="col">{t("columns.consultation")}</th>
              <th scope="col">{t("columns.meeting")}</th>
              <th scope="col">{t("columns.status")}</th>
              {mayWriteSubmission({ role }) ? <th scope="col">{t("submissions:nonPaper.panelTitle")}</th> : null}
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
                  <Link to={paths.consultation(c.id)}>
                    <bdi>{c.title}</bdi>
                  </Link>
                  {/* Two rounds share a title: the later one says which it is. */}
                  {c.round > 1 ? <span className="muted"> · {t("revision:round", { round: c.round })}</span> : null}
                </th>
                <td data-label={t("columns.meeting")}>
                  <MeetingName meeting={c.meeting} />
                  <br />
                  <span className="muted">
                    <MeetingName meeting={c.meeting} part="venue" />, {formatCalendarRange(c.meeting.startDate, c.meeting.endDate, i18n.language)}
                  </span>
                </td>
                <td data-label={t("columns.status")}>
                  <StatusBadge status={c.status} />
                </td>
                {mayWriteSubmission({ role }) ? (
                  <td data-label={t("submissions:nonPaper.panelTitle")}>
                    {c.delegation ? <DelegationStatus state={c.delegation.state} timeZone={readerTimeZone ?? c.meeting.timeZone} variant="compact" /> : null}
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
        </TableShell>
      )}
    </section>
  );
}
