import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { PendingText } from "~/components/ui/redline";
import { isolate, withData } from "~/components/ui/data-text";
import { Badge } from "~/components/ui/badge";
import { paths } from "~/lib/paths";
import { countOpenBrackets } from "~/lib/point-import";
import { mayReadComments, maySeeCurrentWording } from "~/lib/permissions";
import type { ConsultationDetail } from "~/models/consultation.server";
import type { UserRole } from "~/models/user.server";

/** One agenda item of the overview with its discussion points, as this reader may see them. */
export function AgendaItemSection({
  consultationId,
  item,
  role,
  circulated,
}: {
  consultationId: string;
  item: ConsultationDetail["agendaItems"][number];
  role: UserRole;
  circulated: boolean;
}) {
  const { t, i18n } = useTranslation("consultations");
  return (
    <section className="agenda-item" aria-labelledby={`item-${item.id}`}>
      <h2 id={`item-${item.id}`}>
        <span className="agenda-item__number">{item.number ? withData(t("agendaItem", { number: isolate(item.number) })) : t("generalSection")}</span>
        <span className="agenda-item__title" lang="en" dir="ltr">
          {item.title}
        </span>
      </h2>
      {item.introduction ? (
        <p lang="en" dir="ltr">
          {item.introduction}
        </p>
      ) : null}
      {item.points.length === 0 ? (
        <p className="empty">{t("noPoints")}</p>
      ) : (
        <ol className="points" lang="en" dir="ltr">
          {item.points.map((point) => (
            <li key={point.id} className="point" id={`point-${point.id}`}>
              <span className="point__label">{point.label}</span>
              <div className="point__text">
                {point.text.split("\n\n").map((paragraph, index) => (
                  <p key={index}>
                    <PendingText text={paragraph} />
                  </p>
                ))}
              </div>
              <PointMeta
                consultationId={consultationId}
                point={point}
                canSeeHistory={maySeeCurrentWording({ role })}
                // Chairs and the secretariat go from a point straight to what delegations said on it.
                commentsLink={mayReadComments({ role }) && circulated ? paths.sideBySide(consultationId, { item: item.id, point: point.id }) : null}
              />
              {point.changedSinceCirculation || point.notYetCirculated ? (
                <p className="point__flags" lang={i18n.language} dir={i18n.dir()}>
                  {point.notYetCirculated ? (
                    <Badge>{t("point.notYetCirculated")}</Badge>
                  ) : (
                    <Badge>{t("point.changed", { version: point.versionNumber })}</Badge>
                  )}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function PointMeta({
  consultationId,
  point,
  canSeeHistory,
  commentsLink,
}: {
  consultationId: string;
  point: { id: string; label: string; text: string };
  canSeeHistory: boolean;
  commentsLink: string | null;
}) {
  const { t, i18n } = useTranslation("consultations");
  const brackets = countOpenBrackets(point.text);
  if (!brackets && !canSeeHistory) return null;
  return (
    <p className="point__meta" lang={i18n.language} dir={i18n.dir()}>
      {brackets ? <Badge>{t("point.openBrackets", { count: brackets })}</Badge> : null}
      {commentsLink ? <Link to={commentsLink}>{withData(t("point.comments", { label: isolate(point.label) }))}</Link> : null}
      {canSeeHistory ? <Link to={paths.point(consultationId, point.id)}>{t("point.history")}</Link> : null}
    </p>
  );
}
