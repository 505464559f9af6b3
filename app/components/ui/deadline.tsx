import { useTranslation } from "~/i18n/use-translation";
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
  // Node's and the browser's time-zone data can differ (Africa/Casablanca's offsets, say): the
  // server's wording stands, instead of React re-rendering the whole page over what was typed.
  return (
    <span className="deadline">
      <time dateTime={iso} suppressHydrationWarning>
        {formatInstant(iso, i18n.language, meetingTimeZone)}
      </time>
      {readerTimeZone && readerTimeZone !== meetingTimeZone ? (
        <span className="deadline__local" suppressHydrationWarning>
          {t("deadline.yourTime", { time: formatInstant(iso, i18n.language, readerTimeZone) })}
        </span>
      ) : null}
    </span>
  );
}
