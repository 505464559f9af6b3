// What the agenda editor's page reads from its address after a change (the element to focus; the
// confirmation is a one-time notice, app/lib/notices.ts), and the label it suggests for each
// item's next point. Pure functions.
import { suggestPointLabel } from "~/lib/agenda-labels";

// The element to focus after a change, so that a keyboard user pressing "Move up" again moves the
// same entry again: a move button, an agenda item heading, a point, or the status message.
const FOCUS = /^(?:(?:item|point)-(?:up-|down-)?[0-9a-f-]{36}|agenda-status)$/;

/** `?focus=…` when it names an element of the editor, else null. */
export function readAgendaFocus(searchParams: URLSearchParams): string | null {
  const focus = searchParams.get("focus");
  return focus && FOCUS.test(focus) ? focus : null;
}

/**
 * Where the focus goes after a move: the button pressed, or, if it is now disabled (the entry
 * reached the top or bottom of its list), the moved entry itself rather than the opposite button,
 * which a second key press would wrongly trigger.
 */
export function focusCandidates(focus: string): string[] {
  return [focus, focus.replace(/-(up|down)-/, "-")];
}

/** Each agenda item with the label suggested for its next point (see suggestPointLabel). */
export function withSuggestedLabels<T extends { points: readonly { label: string }[] }>(items: readonly T[]): (T & { suggestedLabel: string })[] {
  const allLabels = items.flatMap((item) => item.points.map((p) => p.label));
  return items.map((item) => ({
    ...item,
    suggestedLabel: suggestPointLabel(
      item.points.map((p) => p.label),
      allLabels,
    ),
  }));
}
