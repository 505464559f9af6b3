// What became of a comment after the reflection period (issue 18): the disposition the secretariat
// or a chair records on the side-by-side, with observations that may later be shown to the
// delegation. Pure: shared by the server and the browser.

/** In the order the form offers them: the comment carried into the revised text, or why not. */
export const DISPOSITIONS = ["reflected", "partly_reflected", "not_reflected", "noted", "superseded", "withdrawn"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const isDisposition = (value: unknown): value is Disposition => DISPOSITIONS.includes(value as Disposition);

/** The side-by-side's filter: one disposition, or the comments that have none yet. */
export type DispositionFilter = Disposition | "none";
export const isDispositionFilter = (value: unknown): value is DispositionFilter => value === "none" || isDisposition(value);

/** Longest observation of the secretariat, in characters: a short reason, not a commentary. */
export const MAX_OBSERVATION = 2_000;

export type DispositionCounts = Record<DispositionFilter, number>;

/** How many of `dispositions` (null: none yet) there are of each. */
export function countDispositions(dispositions: (Disposition | null)[]): DispositionCounts {
  const counts = Object.fromEntries([...DISPOSITIONS, "none"].map((d) => [d, 0])) as DispositionCounts;
  for (const d of dispositions) counts[d ?? "none"]++;
  return counts;
}
