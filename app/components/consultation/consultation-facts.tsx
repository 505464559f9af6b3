import { useTranslation } from "~/i18n/use-translation";
import { Countdown } from "~/components/ui/countdown";
import { Deadline } from "~/components/ui/deadline";
import { StatusBadge } from "~/components/ui/status-badge";
import { formatCalendarRange, formatInstant } from "~/lib/dates";
import { meetingNames } from "~/lib/meeting-names";
import { mayReadCrp, mayWriteSubmission } from "~/lib/permissions";
import type { ConsultationDetail } from "~/models/consultation.server";
import type { UserRole } from "~/models/user.server";

/**
 * The consultation's facts: status, meeting, deadline (with a delegate's live countdown), when it
 * was circulated, how many delegations are registered, and the CRP it feeds.
 */
export function ConsultationFacts({
  detail,
  role,
  deadline,
  readerTimeZone,
  now,
  onDeadlinePassed,
}: {
  detail: ConsultationDetail;
  role: UserRole;
  /** For a delegate, their delegation's deadline (extended or not); for everyone else the consultation's. */
  deadline: string | Date | null;
  readerTimeZone: string | null;
  now: string;
  onDeadlinePassed: () => void;
}) {
  const { t, i18n } = useTranslation("consultations");
  const { consultation, nonPaper } = detail;
  const meeting = consultation.meeting;
  // The venue in the reader's language where the secretariat gave it, else in English.
  const { venue } = meetingNames(meeting, i18n.language);
  return (
    <dl className="facts">
      <div>
        <dt>{t("facts.status")}</dt>
        <dd>
          <StatusBadge status={consultation.status} />
        </dd>
      </div>
      <div>
        <dt>{t("facts.meeting")}</dt>
        <dd>
          <bdi lang={venue.lang}>{venue.text}</bdi>, {formatCalendarRange(meeting.startDate, meeting.endDate, i18n.language)} ({t(`format.${meeting.format}`)})
        </dd>
      </div>
      <div>
        <dt>{t("facts.deadline")}</dt>
        <dd>
          <Deadline deadline={deadline} meetingTimeZone={meeting.timeZone} readerTimeZone={readerTimeZone} />
          {mayWriteSubmission({ role }) && deadline && consultation.status === "open" ? (
            <Countdown deadline={deadline} now={now} onPassed={onDeadlinePassed} />
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t("facts.circulated")}</dt>
        <dd>
          {nonPaper
            ? role === "delegate"
              ? // A mission knows the document as it reads it ("Rev.1"), not by the secretariat's count.
                nonPaper.number > 1
                ? t("facts.circulatedRevised", {
                    rev: nonPaper.number - 1,
                    date: formatInstant(nonPaper.circulatedAt, i18n.language, meeting.timeZone),
                  })
                : t("facts.circulatedFirst", { date: formatInstant(nonPaper.circulatedAt, i18n.language, meeting.timeZone) })
              : t("facts.circulatedOn", {
                  number: nonPaper.number,
                  date: formatInstant(nonPaper.circulatedAt, i18n.language, meeting.timeZone),
                })
            : t("facts.notCirculated")}
        </dd>
      </div>
      <div>
        <dt>{t("facts.registered")}</dt>
        <dd>{t("facts.delegationCount", { count: detail.registeredCount })}</dd>
      </div>
      {consultation.crpSymbol && mayReadCrp({ role }) ? (
        <div>
          <dt>{t("facts.crp")}</dt>
          <dd>
            <span dir="ltr">{consultation.crpSymbol}</span>
            {consultation.parentSession ? (
              <>
                {" · "}
                <bdi lang="en">{consultation.parentSession}</bdi>
              </>
            ) : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
