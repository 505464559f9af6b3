// The Chair's revised text (Rev.1, issue 18): what each of its points is in terms of the points
// circulated in the previous round, read from the points' origins (db/schema/revision.ts), never
// from their labels, so relabelling, merging and splitting keep every point traceable.
// Pure: shared by the server, the pages and the documents.

export type FormerPoint = { id: string; label: string; text: string };
export type RevisedPoint = { id: string; label: string; origins: readonly string[] };

/**
 * - new: no former point;
 * - kept: one former point that feeds only this one, same label (the wording may be revised);
 * - relabelled: the same, under another label;
 * - merged: several former points;
 * - split: one former point that also feeds other points of Rev.1 (`siblings`: their labels).
 */
export type PointIdentity =
  | { kind: "new" }
  | { kind: "kept"; former: string }
  | { kind: "relabelled"; former: string }
  | { kind: "merged"; formers: string[] }
  | { kind: "split"; former: string; siblings: string[] };

/** Each Rev.1 point's identity; former labels in the circulated order. */
export function pointIdentities(former: readonly FormerPoint[], revised: readonly RevisedPoint[]): Map<string, PointIdentity> {
  const formerOrder = new Map(former.map((point, index) => [point.id, index]));
  const formerLabel = new Map(former.map((point) => [point.id, point.label]));
  const successors = new Map<string, RevisedPoint[]>();
  for (const point of revised) {
    for (const origin of point.origins) successors.set(origin, [...(successors.get(origin) ?? []), point]);
  }
  const identities = new Map<string, PointIdentity>();
  for (const point of revised) {
    // An origin outside the previous round's circulated points (it cannot happen through the app)
    // is ignored rather than named by an id.
    const origins = point.origins.filter((id) => formerLabel.has(id)).sort((a, b) => formerOrder.get(a)! - formerOrder.get(b)!);
    if (origins.length === 0) identities.set(point.id, { kind: "new" });
    else if (origins.length > 1) identities.set(point.id, { kind: "merged", formers: origins.map((id) => formerLabel.get(id)!) });
    else {
      const origin = origins[0]!;
      const label = formerLabel.get(origin)!;
      const siblings = (successors.get(origin) ?? []).filter((other) => other.id !== point.id).map((other) => other.label);
      if (siblings.length) identities.set(point.id, { kind: "split", former: label, siblings });
      else identities.set(point.id, label === point.label ? { kind: "kept", former: label } : { kind: "relabelled", former: label });
    }
  }
  return identities;
}

/** The circulated points no point of Rev.1 comes from: deleted in Rev.1. */
export function deletedPoints<T extends FormerPoint>(former: readonly T[], revised: readonly RevisedPoint[]): T[] {
  const named = new Set(revised.flatMap((point) => point.origins));
  return former.filter((point) => !named.has(point.id));
}

/**
 * The circulated wording a Rev.1 point replaces, to redline against: its former points' texts in
 * circulated order, one paragraph each; "" for a new point.
 */
export function formerWording(former: readonly FormerPoint[], origins: readonly string[]): string {
  const wanted = new Set(origins);
  return former
    .filter((point) => wanted.has(point.id))
    .map((point) => point.text)
    .join("\n\n");
}

/** The former labels a Rev.1 point comes from, in circulated order ("(b)", "(d)"). */
export function formerLabels(former: readonly FormerPoint[], origins: readonly string[]): string[] {
  const wanted = new Set(origins);
  return former.filter((point) => wanted.has(point.id)).map((point) => point.label);
}

/** A merged point's first wording: the merged points' texts one after the other, to be edited. */
export function mergedWording(first: string, second: string): string {
  return `${first.trimEnd()}\n\n${second.trimStart()}`;
}
