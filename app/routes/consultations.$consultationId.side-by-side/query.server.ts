// The loader's parsing and shaping: the address read into the model's query, and the model's view
// cut down to what the page renders (its data is sent along with the HTML).
import type { Language } from "~/i18n/languages";
import type { ShownFilters } from "~/components/side-by-side/filter-form";
import { pageAttribution, pageEntry, readSideBySideQuery, type PageAttribution, type SideBySideQuery } from "~/lib/side-by-side";
import type { getSideBySide } from "~/models/consolidation.server";
import type { SessionUser } from "~/models/user.server";
import { resolveLanguage } from "~/utils/i18n.server";

type SideBySideView = NonNullable<Awaited<ReturnType<typeof getSideBySide>>>;

/** The reader's language (names and the second order follow it) and the view the address asks for. */
export async function readQuery(request: Request, user: SessionUser): Promise<{ readerLanguage: Language; query: SideBySideQuery }> {
  const readerLanguage = await resolveLanguage(request, user.language);
  return { readerLanguage, query: readSideBySideQuery(new URL(request.url).searchParams, readerLanguage) };
}

/** The filters and display choices as the form shows them (null: not filtered). */
function shownFilters(query: SideBySideQuery, pointId: string | null): ShownFilters {
  return {
    point: pointId,
    delegation: query.delegation ?? null,
    language: query.language ?? null,
    amendment: query.hasAmendment === true ? "yes" : query.hasAmendment === false ? "no" : null,
    status: query.translationStatus ?? null,
    tag: query.tag ?? null,
    disposition: query.disposition ?? null,
    order: query.order,
    original: query.original,
  };
}

/** The page's data: each entry as the page shows it, the filters, the reader's language. */
export function pageData(view: SideBySideView, query: SideBySideQuery, readerLanguage: Language) {
  const entries = (list: SideBySideView["general"]) => list.map((e) => pageEntry(e, readerLanguage));
  return {
    ...view,
    points: view.points.map((p) => ({ ...p, entries: entries(p.entries) })),
    general: entries(view.general),
    proposals: entries(view.proposals),
    // Names in the reader's language only: a group's members are most of an attribution's weight.
    attributions: Object.fromEntries(Object.entries(view.attributions).map(([id, a]) => [id, pageAttribution(a, readerLanguage)])) as Record<
      string,
      PageAttribution
    >,
    filters: shownFilters(query, view.point?.id ?? null),
    readerLanguage,
  };
}
