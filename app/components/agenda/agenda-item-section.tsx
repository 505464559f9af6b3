import { useTranslation } from "~/i18n/use-translation";
import { AgendaItemForm, ControlErrors, DeleteButton, MoveButtons, PointCreateForm } from "~/components/agenda/agenda-editor";
import { EditDetails } from "~/components/agenda/edit-details";
import { PointEntry, type EditorPoint } from "~/components/agenda/point-entry";
import { isolate, withData } from "~/components/ui/data-text";
import { agendaFormKey } from "~/lib/agenda-forms";

export type EditorItem = {
  id: string;
  number: string | null;
  heading: string | null;
  title: string;
  introduction: string | null;
  suggestedLabel: string;
  points: EditorPoint[];
};

/**
 * One agenda item in the editor: its heading, the tools the consultation's status allows (move,
 * delete, edit), its points in order, and the form that adds a point at its end.
 */
export function AgendaItemSection({
  consultationId,
  item,
  isFirst,
  isLast,
  canEditStructure,
  canRevise,
}: {
  consultationId: string;
  item: EditorItem;
  isFirst: boolean;
  isLast: boolean;
  canEditStructure: boolean;
  canRevise: boolean;
}) {
  const { t } = useTranslation("agenda");
  // Whole phrases per case (a numbered agenda item, a section without a number), never one built
  // around the other: "point 3 de l’ordre du jour", "la section « … »".
  const itemName = item.number ? t("itemName", { number: item.number }) : t("itemNameUnnumbered", { title: item.title });
  const count = item.points.length;
  const confirmation = item.number
    ? count
      ? t("confirm.deleteItemWithPoints", { number: item.number, count })
      : t("confirm.deleteItem", { number: item.number })
    : count
      ? t("confirm.deleteItemUnnumberedWithPoints", { title: item.title, count })
      : t("confirm.deleteItemUnnumbered", { title: item.title });
  return (
    <section className="agenda-item agenda-editor__item" aria-labelledby={`item-${item.id}`}>
      <div className="agenda-editor__head">
        <h2 id={`item-${item.id}`} tabIndex={-1}>
          <span className="agenda-item__number">
            {item.number ? withData(t("editor.agendaItem", { number: isolate(item.number) })) : t("editor.noNumber")}
            {item.heading ? <span dir="ltr"> · {item.heading}.</span> : null}
          </span>
          <span className="agenda-item__title" lang="en" dir="ltr">
            {item.title}
          </span>
        </h2>
        {canEditStructure ? (
          <div className="agenda-editor__controls" role="group" aria-label={t("controls.item", { name: itemName })}>
            <MoveButtons intent="item.move" idName="agendaItemId" id={item.id} isFirst={isFirst} isLast={isLast} context={itemName} />
            <DeleteButton intent="item.delete" idName="agendaItemId" id={item.id} context={itemName} confirmation={confirmation} />
          </div>
        ) : null}
      </div>
      <ControlErrors formKeys={[agendaFormKey("item.move", item.id), agendaFormKey("item.delete", item.id)]} />
      {item.introduction ? (
        <p className="agenda-editor__introduction" lang="en" dir="ltr">
          {item.introduction}
        </p>
      ) : null}
      {canEditStructure ? (
        <EditDetails formKey={agendaFormKey("item.update", item.id)} summary={t("actions.editItem")} context={itemName}>
          <AgendaItemForm item={item} submitLabel={t("actions.saveItem")} />
        </EditDetails>
      ) : null}

      {item.points.length === 0 ? (
        <p className="empty">{t("editor.noPoints")}</p>
      ) : (
        <ol className="points agenda-editor__points">
          {item.points.map((point, pointIndex) => (
            <PointEntry
              key={point.id}
              consultationId={consultationId}
              point={point}
              item={item}
              isFirst={pointIndex === 0}
              isLast={pointIndex === item.points.length - 1}
              canEditStructure={canEditStructure}
              canRevise={canRevise}
            />
          ))}
        </ol>
      )}

      {canEditStructure ? (
        <EditDetails formKey={agendaFormKey("point.create", item.id)} summary={t("actions.addPointTo")} context={itemName}>
          <PointCreateForm agendaItemId={item.id} suggestedLabel={item.suggestedLabel} context={itemName} />
        </EditDetails>
      ) : null}
    </section>
  );
}
