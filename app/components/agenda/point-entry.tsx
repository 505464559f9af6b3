import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ControlErrors, DeleteButton, MoveButtons, RelabelForm, ReviseForm } from "~/components/agenda/agenda-editor";
import { EditDetails } from "~/components/agenda/edit-details";
import { PendingText } from "~/components/ui/redline";
import { Badge } from "~/components/ui/badge";
import { agendaFormKey } from "~/lib/agenda-forms";
import { paths } from "~/lib/paths";

export type EditorPoint = { id: string; label: string; text: string; versionNumber: number };

/**
 * One discussion point in the editor: its label and current text, its version with a link to its
 * history, and the tools the consultation's status allows (move, delete, relabel; revise).
 */
export function PointEntry({
  consultationId,
  point,
  item,
  isFirst,
  isLast,
  canEditStructure,
  canRevise,
}: {
  consultationId: string;
  point: EditorPoint;
  /** The agenda item it is under: numbered, or a section named by its title. */
  item: { number: string | null; title: string };
  isFirst: boolean;
  isLast: boolean;
  canEditStructure: boolean;
  canRevise: boolean;
}) {
  const { t } = useTranslation("agenda");
  // Whole phrases per case: "point (a) of agenda item 3", "point (a) of the section “…”".
  const pointName = item.number
    ? t("pointName", { label: point.label, number: item.number })
    : t("pointNameUnnumbered", { label: point.label, title: item.title });
  const confirmation = item.number
    ? t("confirm.deletePoint", { label: point.label, number: item.number })
    : t("confirm.deletePointUnnumbered", { label: point.label, title: item.title });
  return (
    <li className="point agenda-editor__point" id={`point-${point.id}`} tabIndex={-1}>
      <span className="point__label" lang="en" dir="ltr">
        {point.label}
      </span>
      <div className="point__text" lang="en" dir="ltr">
        {point.text.split("\n\n").map((paragraph, i) => (
          <p key={i}>
            <PendingText text={paragraph} />
          </p>
        ))}
      </div>
      <div className="agenda-editor__point-tools">
        <p className="point__meta">
          <Badge>{t("editor.version", { version: point.versionNumber })}</Badge>
          <Link to={paths.point(consultationId, point.id)}>
            {t("editor.history")}
            <span className="visually-hidden"> {pointName}</span>
          </Link>
        </p>
        {canEditStructure ? (
          <div className="agenda-editor__controls" role="group" aria-label={t("controls.point", { name: pointName })}>
            <MoveButtons intent="point.move" idName="pointId" id={point.id} isFirst={isFirst} isLast={isLast} context={pointName} />
            <DeleteButton intent="point.delete" idName="pointId" id={point.id} context={pointName} confirmation={confirmation} />
          </div>
        ) : null}
        <ControlErrors formKeys={[agendaFormKey("point.move", point.id), agendaFormKey("point.delete", point.id)]} />
        {canEditStructure ? (
          <EditDetails formKey={agendaFormKey("point.relabel", point.id)} summary={t("actions.editLabel")} context={pointName}>
            <RelabelForm point={point} />
          </EditDetails>
        ) : null}
        {canRevise ? (
          <EditDetails formKey={agendaFormKey("point.revise", point.id)} summary={t("actions.revise")} context={pointName}>
            <ReviseForm point={point} draft={canEditStructure} />
          </EditDetails>
        ) : null}
      </div>
    </li>
  );
}
