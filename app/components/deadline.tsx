import { useTranslation } from "react-i18next";
import { formatInstant } from "~/lib/dates";

/** A deadline in the meeting's zone and, when it differs, in the reader's own. */
export function Deadline({
  deadline,
  meetingTimeZone,
  readerTimeZone,
}: {
  deadline: string | Date | null;
  meetingTimeZone: string;
  readerTimeZone: string | null;
}) {
  const { t, i18n } = useTranslation("consultations");
  if (!deadline) return <span>{t("deadline.none")}</span>;
  const iso = new Date(deadline).toISOString();
  return (
    <span className="deadline">
      <time dateTime={iso}>{formatInstant(iso, i18n.language, meetingTimeZone)}</time>
      {readerTimeZone && readerTimeZone !== meetingTimeZone ? (
        <span className="deadline__local">
          {t("deadline.yourTime", { time: formatInstant(iso, i18n.language, readerTimeZone) })}
        </span>
      ) : null}
    </span>
  );
}
