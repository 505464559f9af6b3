// A consultation form half filled in, carried through "Create a new meeting" and back. The
// button posts the form to the meeting page, which keeps the typed values in its `back` path
// (a same-origin path to the consultation form, with the values as its query) and, once the
// meeting is created, redirects there with the new meeting chosen. Nothing is stored on the
// server and it works without JavaScript. Pure: no I/O.
import type { ConsultationInput } from "~/lib/consultation-forms";
import { isUuid } from "~/lib/ids";

/** The name of the button's value: the path of the consultation form to come back to. */
export const RETURN_FIELD = "returnTo";

/** The text fields carried (chairIds apart: repeated, ids only). */
const TEXT_FIELDS = [
  "meetingId",
  "title",
  "receiptPrefix",
  "workingLanguage",
  "deadlineDate",
  "deadlineTime",
  "crpSymbol",
  "parentSession",
  "parentSessionVenue",
  "parentSessionStartDate",
  "parentSessionEndDate",
  "parentAgendaItemNumber",
  "parentAgendaItemTitle",
  "provisionalAgendaSymbol",
  "reflectionApprovedOn",
  "reflectionApprovalMethod",
] as const satisfies readonly (keyof ConsultationInput)[];

// Longer than any field may be (300 characters at most): a forged query cannot grow the URL.
const MAX_VALUE_LENGTH = 400;
const MAX_CHAIRS = 20;
// Only the consultation forms: the new one and a draft's edit page. Nothing else is a way back.
const FORM_PATH = /^\/consultations\/(?:new|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/edit)$/i;

export type ConsultationDraft = Partial<Record<keyof ConsultationInput, string | string[]>>;

type Values = { get(name: string): FormDataEntryValue | null; getAll(name: string): FormDataEntryValue[] };

/** The typed values worth carrying: known fields, non-empty, bounded; chairs as ids. */
function carried(values: Values): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of TEXT_FIELDS) {
    const value = values.get(name);
    if (typeof value === "string" && value.trim() !== "") query.set(name, value.slice(0, MAX_VALUE_LENGTH));
  }
  const chairs = values.getAll("chairIds").filter((id): id is string => typeof id === "string" && isUuid(id));
  for (const id of chairs.slice(0, MAX_CHAIRS)) query.append("chairIds", id);
  return query;
}

/**
 * The way back to a consultation form with `values` (a posted form, or a query) in its query
 * string; null when `path` is not one of the consultation forms.
 */
export function draftReturnPath(path: unknown, values: Values): string | null {
  if (typeof path !== "string" || !FORM_PATH.test(path)) return null;
  const query = carried(values).toString();
  return query ? `${path}?${query}` : path;
}

/**
 * A way back read from a query string, checked again and rebuilt from its known parts: only a
 * consultation form of this site, only the consultation's fields. Null otherwise.
 */
export function safeDraftReturn(back: string | null | undefined): string | null {
  if (typeof back !== "string" || !back.startsWith("/") || back.startsWith("//") || back.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(back, "http://nonpaper.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://nonpaper.invalid") return null;
  return draftReturnPath(url.pathname, url.searchParams);
}

/** The way back with the meeting just created chosen. */
export function withMeeting(back: string, meetingId: string): string {
  const url = new URL(back, "http://nonpaper.invalid");
  url.searchParams.set("meetingId", meetingId);
  return `${url.pathname}?${url.searchParams}`;
}

/** The typed values in a consultation form's query, as the form's default values. */
export function draftDefaults(search: URLSearchParams): ConsultationDraft {
  const query = carried(search);
  const draft: ConsultationDraft = {};
  for (const name of TEXT_FIELDS) {
    const value = query.get(name);
    if (value !== null) draft[name] = value;
  }
  if (draft.meetingId && !isUuid(draft.meetingId as string)) delete draft.meetingId;
  const chairs = query.getAll("chairIds");
  if (chairs.length) draft.chairIds = chairs;
  return draft;
}
