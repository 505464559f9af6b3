import { useTranslation } from "~/i18n/use-translation";
import { NotificationsPanel } from "~/components/circulation/notifications-panel";
import { Deadline } from "~/components/ui/deadline";
import { FormErrors } from "~/components/ui/form-errors";
import { StatusBadge } from "~/components/ui/status-badge";
import { Button } from "~/components/ui/button";
import { directionOf } from "~/i18n/languages";
import type { CirculationActionData } from "~/lib/circulation-forms";
import { NOTE_TRANSLATION_LANGUAGES } from "~/lib/covering-note";
import { formatInstant } from "~/lib/dates";
import { paths } from "~/lib/paths";
import type { CirculationPageData } from "~/models/circulation.server";

/** A circulated consultation: the non-paper, the note that went with it, its emails, and where to close. */
export function CirculatedView({
  page,
  readerTimeZone,
  actionData,
}: {
  page: CirculationPageData;
  readerTimeZone: string | null;
  actionData: CirculationActionData | undefined;
}) {
  const { t, i18n } = useTranslation("circulation");
  const { t: tc } = useTranslation("consultations");
  const { t: tCommon } = useTranslation("common");
  const { consultation, nonPaper, notifications, notificationCounts: counts } = page;
  const zone = consultation.meeting.timeZone;
  const beforeDeadline = consultation.deadline !== null && new Date(consultation.deadline).getTime() > Date.now();
  return (
    <>
      <section className="panel" aria-labelledby="nonpaper-title">
        <h2 id="nonpaper-title">{nonPaper ? t("circulated.nonPaper", { number: nonPaper.number }) : t("circulated.noNonPaper")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("circulated.status")}</dt>
            <dd>
              <StatusBadge status={consultation.status} />
            </dd>
          </div>
          {nonPaper ? (
            <>
              <div>
                <dt>{t("circulated.on")}</dt>
                <dd>{formatInstant(nonPaper.circulatedAt, i18n.language, zone)}</dd>
              </div>
              <div>
                <dt>{t("circulated.by")}</dt>
                <dd>{nonPaper.circulatedByName ?? "—"}</dd>
              </div>
              <div>
                <dt>{t("circulated.points")}</dt>
                <dd>{t("circulated.pointCount", { count: nonPaper.points })}</dd>
              </div>
            </>
          ) : null}
          <div>
            <dt>{t("circulated.deadline")}</dt>
            <dd>
              <Deadline deadline={consultation.deadline} meetingTimeZone={zone} readerTimeZone={readerTimeZone} />
            </dd>
          </div>
          {consultation.closedAt ? (
            <div>
              <dt>{t("circulated.closedOn")}</dt>
              <dd>{formatInstant(consultation.closedAt, i18n.language, zone)}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {nonPaper ? (
        <section className="panel" aria-labelledby="sent-note-title">
          <h2 id="sent-note-title">{t("circulated.noteTitle")}</h2>
          {nonPaper.coveringNote ? (
            <div className="circulation__note" lang="en" dir="ltr">
              {nonPaper.coveringNote.split("\n\n").map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </div>
          ) : (
            <p className="empty">{t("circulated.noNote")}</p>
          )}
          {/* The same note in the languages the secretariat prepared, as each went out (frozen with the non-paper). */}
          {NOTE_TRANSLATION_LANGUAGES.some((language) => nonPaper.coveringNoteTranslations[language]) ? (
            <>
              <p className="muted">{t("circulated.noteTranslations")}</p>
              {NOTE_TRANSLATION_LANGUAGES.filter((language) => nonPaper.coveringNoteTranslations[language]).map((language) => (
                <section key={language} aria-labelledby={`sent-note-${language}`}>
                  <h3 id={`sent-note-${language}`}>{tCommon(`languageNames.${language}`)}</h3>
                  <div className="circulation__note" lang={language} dir={directionOf(language)}>
                    {nonPaper.coveringNoteTranslations[language]!.split("\n\n").map((paragraph, index) => (
                      <p key={index}>{paragraph}</p>
                    ))}
                  </div>
                </section>
              ))}
            </>
          ) : null}
        </section>
      ) : null}

      <NotificationsPanel consultationId={consultation.id} notifications={notifications} counts={counts} timeZone={zone} />

      {consultation.status === "open" ? (
        <section className="panel stack" aria-labelledby="close-title">
          <h2 id="close-title">{t("close.title")}</h2>
          <p>{t("close.help")}</p>
          {beforeDeadline ? <p className="circulation__warning">{t("close.beforeDeadline")}</p> : null}
          <FormErrors errors={actionData?.result?.error?.[""] ?? undefined} />
          {/* Who has not submitted, reminders and the reason for an early closing: one page. */}
          <p>
            <Button to={paths.closing(consultation.id)}>{tc("closing.link")}</Button>
          </p>
        </section>
      ) : null}
    </>
  );
}
