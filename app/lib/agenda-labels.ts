// Suggestions the agenda editor and the import review prefill, so that an officer seldom has to
// type a label or an agenda item number. Pure functions: the officer can always change them.

const LETTER_LABEL = /^\(([a-z])\)$/;
const RECOMMENDATION_LABEL = /^Recommendation\s+(\d{1,4})$/i;

/**
 * The label for a new point in an agenda item.
 * - After "(c)" comes "(d)" (letters restart in each item, as in the reports' annexes).
 * - If the item or, when the item is empty, the consultation numbers its points as
 *   recommendations, the number after the highest in the whole consultation (recommendations are
 *   numbered through a report, not per section).
 * - Otherwise "(a)" for an empty item, and "" when nothing sensible follows (after "(z)" or a
 *   label of another form), so that the officer types one.
 */
export function suggestPointLabel(itemLabels: readonly string[], consultationLabels: readonly string[]): string {
  const recommendations = (labels: readonly string[]) =>
    labels
      .map((l) => RECOMMENDATION_LABEL.exec(l.trim()))
      .filter((m) => m !== null)
      .map((m) => Number(m[1]));
  const last = itemLabels.at(-1)?.trim();
  const usesRecommendations = last !== undefined ? RECOMMENDATION_LABEL.test(last) : recommendations(consultationLabels).length > 0;
  if (usesRecommendations) {
    const highest = Math.max(0, ...recommendations(consultationLabels), ...recommendations(itemLabels));
    return `Recommendation ${highest + 1}`;
  }
  if (last === undefined) return "(a)";
  const letter = LETTER_LABEL.exec(last)?.[1];
  if (!letter || letter === "z") return "";
  return `(${String.fromCharCode(letter.charCodeAt(0) + 1)})`;
}

// "General recommendations", "General comments": a section of the report, not an agenda item.
const GENERAL_SECTION = /^general\b/i;

/**
 * Agenda item numbers for imported sections, in order: one more than the highest whole number
 * already used in the consultation, or 2 when there is none (item 1 of a session's agenda is
 * procedural: the opening and the adoption of the agenda). A section titled "General …" gets no
 * number and does not use one up, as in the reports, where general recommendations precede the
 * numbered agenda items.
 */
export function suggestAgendaNumbers(existingNumbers: readonly (string | null)[], titles: readonly string[]): (string | null)[] {
  const used = existingNumbers.filter((n): n is string => n !== null && /^\d{1,4}$/.test(n.trim())).map((n) => Number(n));
  let next = used.length ? Math.max(...used) + 1 : 2;
  return titles.map((title) => (GENERAL_SECTION.test(title.trim()) ? null : String(next++)));
}
