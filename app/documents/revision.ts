// The Chair's revised text (Rev.1) as its Word files take it: the round's points with the
// circulated wording each replaces, in English (the working language, like the non-paper). Pure.
import type { RevisionDocument } from "~/documents/revision-docx";
import { dateTimeFormat, intlLocale } from "~/lib/dates";
import { deletedPoints, formerLabels, formerWording } from "~/lib/revision";
import type { Revision } from "~/models/revision.server";

/**
 * Rev.`number` of the points circulated in the previous round: each point against its former
 * wording (merged points: theirs one after the other), the former label where it changed; the
 * circulated points no point comes from under the agenda item they stood in (or the first item).
 */
export function revisionDocument(
  revision: Revision,
  options: { number: number; tracked: boolean; author: string; date: Date; timeZone: string },
): RevisionDocument {
  const { items, points, former, formerItems } = revision;
  const deleted = deletedPoints(former, points);
  const formerNumber = new Map(formerItems.map((i) => [i.id, i.number]));
  const circulatedOn = revision.previous.circulatedAt
    ? dateTimeFormat(intlLocale("en"), { dateStyle: "long", timeZone: options.timeZone }).format(new Date(revision.previous.circulatedAt))
    : null;
  const placed = new Set<string>();
  return {
    title: `Revised discussion points (Rev.${options.number})`,
    subtitle: revision.consultation.title,
    note: options.tracked ? `Changes against the discussion points circulated${circulatedOn ? ` on ${circulatedOn}` : ""} are shown as tracked changes.` : null,
    author: options.author,
    date: options.date,
    items: items.map((item, index) => {
      const itemPoints = points.filter((p) => p.agendaItemId === item.id);
      // A deleted point goes under the item with its former agenda item's number, else the first.
      const gone = deleted.filter((d) => !placed.has(d.id) && (formerNumber.get(d.agendaItemId) === item.number || index === items.length - 1));
      for (const d of gone) placed.add(d.id);
      return {
        heading: item.number ? `${item.number}. ${item.title}` : item.title,
        introduction: item.introduction,
        points: itemPoints.map((point) => {
          const labels = formerLabels(former, point.origins);
          const formerLabel = labels.join(", ");
          return {
            label: point.label,
            formerLabel: labels.length && formerLabel !== point.label ? formerLabel : null,
            former: point.origins.length ? formerWording(former, point.origins) : null,
            text: point.text,
          };
        }),
        deleted: gone.map((d) => ({ label: d.label, text: d.text })),
      };
    }),
  };
}
