// The Rev.1 page's data: one agenda item of the revised text, each point with its identity, its
// circulated wording and the previous round's comments and amendments on the points it comes from
// (read through that round's side-by-side: the same access rule and query), cut to what the page
// renders.
import type { Language } from "~/i18n/languages";
import { delegationName } from "~/lib/delegation-names";
import { countOpenBrackets } from "~/lib/point-import";
import { deletedPoints, formerLabels, formerWording, pointIdentities } from "~/lib/revision";
import { getSideBySide, type SideBySideEntry } from "~/models/consolidation.server";
import type { Revision } from "~/models/revision.server";
import type { SessionUser } from "~/models/user.server";

/** A comment as the Rev.1 page lists it: the English wording beside a pending original. */
function commentView(entry: SideBySideEntry, readerLanguage: Language, answeredBy: string[]) {
  const translated = entry.translation;
  return {
    commentId: entry.commentId,
    kind: entry.kind,
    pointId: entry.pointId,
    label: entry.label,
    delegation: delegationName(entry.delegation, readerLanguage),
    language: entry.language,
    body: entry.needs.body && translated ? translated.body : entry.body,
    bodyPending: entry.needs.body && !translated,
    proposedText: entry.needs.proposedText && translated?.proposedText ? translated.proposedText : entry.proposedText,
    proposedPending: entry.needs.proposedText && !translated?.proposedText,
    disposition: entry.disposition?.disposition ?? null,
    answeredBy,
  };
}

export type RevisionComment = ReturnType<typeof commentView>;

/** Rev.1's number: round 2 circulates Rev.1, round 3 Rev.2. */
export const revisionNumber = (round: number) => round - 1;

export async function revisionPage(user: SessionUser, revision: Revision, wantedItem: string | null, readerLanguage: Language) {
  const { items, points, former } = revision;
  const withPoints = new Set(points.map((p) => p.agendaItemId));
  const item =
    items.find((i) => i.id === wantedItem || (i.number !== null && i.number === wantedItem)) ?? items.find((i) => withPoints.has(i.id)) ?? items[0] ?? null;
  const identities = pointIdentities(
    former,
    points.map((p) => ({ id: p.id, label: p.label, origins: p.origins })),
  );
  const itemPoints = item ? points.filter((p) => p.agendaItemId === item.id) : [];

  // The previous round's agenda item these points come from: its comments are the ones answered.
  const formerItemId = former.find((f) => itemPoints.some((p) => p.origins.includes(f.id)))?.agendaItemId ?? null;
  const view = formerItemId ? await getSideBySide(user, revision.previous.id, { item: formerItemId, order: "en", readerLanguage }) : null;
  const answeredBy = new Map<string, string[]>();
  for (const point of points) for (const commentId of point.answers) answeredBy.set(commentId, [...(answeredBy.get(commentId) ?? []), point.label]);
  const comment = (entry: SideBySideEntry) => commentView(entry, readerLanguage, answeredBy.get(entry.commentId) ?? []);
  const entriesOf = new Map((view?.points ?? []).map((p) => [p.id, p.entries]));

  const formerItems = new Map(revision.formerItems.map((i) => [i.id, i.number ?? i.title]));
  return {
    consultation: revision.consultation,
    previous: revision.previous,
    number: revisionNumber(revision.consultation.round),
    items: items.map((i) => ({ id: i.id, number: i.number, title: i.title, points: points.filter((p) => p.agendaItemId === i.id).length })),
    item,
    points: itemPoints.map((point) => {
      const formerText = point.origins.length ? formerWording(former, point.origins) : null;
      return {
        id: point.id,
        label: point.label,
        versionNumber: point.versionNumber,
        text: point.text,
        identity: identities.get(point.id) ?? { kind: "new" as const },
        formerLabels: formerLabels(former, point.origins),
        formerText,
        openBrackets: countOpenBrackets(point.text),
        comments: point.origins.flatMap((origin) => (entriesOf.get(origin) ?? []).map(comment)),
      };
    }),
    others: view ? [...view.general, ...view.proposals].map(comment) : [],
    summary: summarise(revision, identities),
    deleted: deletedPoints(former, points).map((p) => ({ id: p.id, label: p.label, text: p.text, item: formerItems.get(p.agendaItemId) ?? null })),
  };
}

function summarise(revision: Revision, identities: ReturnType<typeof pointIdentities>) {
  const formerText = new Map(revision.former.map((f) => [f.id, f.text]));
  const counts = { kept: 0, revised: 0, relabelled: 0, merged: 0, split: 0, new: 0, deleted: 0, brackets: 0 };
  for (const point of revision.points) {
    const identity = identities.get(point.id);
    if (!identity) continue;
    if (identity.kind === "kept" && formerText.get(point.origins[0]!) !== point.text) counts.revised++;
    else counts[identity.kind]++;
    counts.brackets += countOpenBrackets(point.text);
  }
  counts.deleted = deletedPoints(revision.former, revision.points).length;
  return counts;
}
