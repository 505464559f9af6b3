import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { EntryList, type EntryShared, type ReviewState } from "~/components/side-by-side/entry-list";
import { SideBySideFilters } from "~/components/side-by-side/filter-form";
import { DispositionTable } from "~/components/side-by-side/disposition-table";
import { DispositionsPublication } from "~/components/side-by-side/dispositions-publication";
import { ExportLinks } from "~/components/side-by-side/export-links";
import { ItemNav } from "~/components/side-by-side/item-nav";
import { PointSection } from "~/components/side-by-side/point-section";
import { ReviewOpener } from "~/components/side-by-side/review-opener";
import { useEntryWords } from "~/components/side-by-side/labels";
import { useOnDemandReview } from "~/components/side-by-side/use-on-demand-review";
import { isolate, withData } from "~/components/ui/data-text";
import { isUuid } from "~/lib/ids";
import { mayManageConsultation } from "~/lib/permissions";
import { paths } from "~/lib/paths";
import { redlineCache, sameViewApartFromReview, searchWithoutReview } from "~/lib/side-by-side";
import { attributionCache } from "~/lib/side-by-side-html";
import { canReview, getSideBySide } from "~/models/consolidation.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import stylesheet from "~/styles/consolidation.css?url";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import { handleIntent } from "./intents.server";
import { pageData, readQuery } from "./query.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const handle: TitleHandle<typeof loader> = {
  title: (t, data) =>
    data.item?.number ? t("consolidation:sideBySide.titleItem", { number: isolate(data.item.number) }) : t("consolidation:sideBySide.title"),
};

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat", "chair");
  if (!isUuid(params.consultationId)) notFound();
  const { readerLanguage, query } = await readQuery(request, user);
  const view = await getSideBySide(user, params.consultationId, query);
  if (!view) notFound();
  return { ...pageData(view, query, readerLanguage), mayPublish: mayManageConsultation(user), readerTimeZone: user.timeZone ?? "UTC" };
}

// Opening or closing a review form changes only `?review=`: the data on the page stays right.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) =>
  !formMethod && sameViewApartFromReview(currentUrl, nextUrl) ? false : defaultShouldRevalidate;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat", "chair");
  const consultationId = params.consultationId;
  if (!isUuid(consultationId) || !(await canReview(user, consultationId))) notFound();
  return handleIntent({ request, user, consultationId, form: await request.formData(), ipAddress: clientAddress(context) });
}

/** Which entry's which form is being saved. */
function busyForm(form: FormData): ReviewState["busy"] {
  const commentId = form.get("commentId");
  if (typeof commentId !== "string" || !commentId) return null;
  return { commentId, intent: form.get("intent") === "disposition" ? "disposition" : "review" };
}

/** The page's query for its files: the open review form left out, the agenda item named. */
function exportSearch(search: string, item: string): string {
  const params = new URLSearchParams(searchWithoutReview(search));
  params.set("item", item);
  return `?${params}`;
}

export default function SideBySidePage() {
  const view = useLoaderData<typeof loader>();
  const { consultation, agendaItems, item, point, points, general, proposals, filters } = view;
  const words = useEntryWords();
  const { t } = words;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const reply = !actionData ? null : "review" in actionData ? actionData.review : "disposition" in actionData ? actionData.disposition : null;
  const { open, onClick } = useOnDemandReview(reply?.commentId ?? null);
  const formAction = `${location.pathname}${searchWithoutReview(location.search)}`;
  // Stable between renders while the data is the same: the entries stay memoized; new data, a new cache.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `view` is the reason to start a new cache, not an input
  const redlineOf = useMemo(() => redlineCache(), [view]);
  // Who each submission speaks for, as HTML made once per submission (a group's 134 members, not per entry).
  const attributionOf = useMemo(() => attributionCache(view.attributions, words), [view.attributions, words]);
  const shared: EntryShared = useMemo(
    () => ({ original: filters.original, consultationId: consultation.id, words, redlineOf, formAction, attributionOf }),
    [filters.original, consultation.id, words, redlineOf, formAction, attributionOf],
  );
  const review: ReviewState = {
    open,
    reply,
    busy: navigation.state !== "idle" && navigation.formData ? busyForm(navigation.formData) : null,
  };
  const itemKey = (i: { number: string | null; id: string }) => i.number ?? i.id;
  // Links keep the reader's display choices (order, original) but not the filters.
  const keep = new URLSearchParams();
  if (filters.order !== "en") keep.set("order", filters.order);
  if (filters.original !== "beside") keep.set("original", filters.original);
  const hrefWith = (extra: Record<string, string>) => `?${new URLSearchParams({ ...extra, ...Object.fromEntries(keep) })}`;
  const activeFilters = [filters.point, filters.delegation, filters.language, filters.amendment, filters.status, filters.tag, filters.disposition].filter(
    Boolean,
  ).length;
  const itemLabel = (i: { number: string | null }): ReactNode =>
    i.number ? withData(t("consultations:agendaItem", { number: isolate(i.number) })) : t("sideBySide.generalSection");

  return (
    // One click handler for every entry's review button and cancel link (useOnDemandReview).
    <article className="consolidation sbs" onClick={onClick}>
      <p className="eyebrow">
        <Link to={paths.matrix(consultation.id)}>{t("sideBySide.toMatrix")}</Link>
      </p>
      <h1>{item?.number ? withData(t("sideBySide.titleItem", { number: isolate(item.number) })) : t("sideBySide.title")}</h1>
      <p className="lead">{t("sideBySide.lead")}</p>

      {agendaItems.length === 0 ? <p className="empty">{t("sideBySide.noItems")}</p> : null}
      {agendaItems.length > 1 ? (
        <ItemNav items={agendaItems} currentId={item?.id ?? null} hrefOf={(i) => hrefWith({ item: itemKey(i) })} labelOf={itemLabel} t={t} />
      ) : null}

      {item ? (
        <>
          <h2 className="sbs-item-title">
            <span className="agenda-item__number">{itemLabel(item)}</span>{" "}
            <span lang="en" dir="ltr">
              {item.title}
            </span>
          </h2>
          <SideBySideFilters
            filters={filters}
            itemKey={itemKey(item)}
            activeFilters={activeFilters}
            delegations={view.delegations}
            pointChoices={view.pointChoices}
            readerLanguage={view.readerLanguage}
          />
          <ExportLinks consultationId={consultation.id} search={exportSearch(location.search, itemKey(item))} t={t} />
          <p className="note">{t("review.noteHelp")}</p>
          <ReviewOpener search={location.search} />

          {point || filters.delegation ? (
            <p className="sbs-scope">
              {point && filters.delegation ? <Link to={hrefWith({ item: itemKey(item), point: point.id })}>{t("sideBySide.showAllDelegations")}</Link> : null}
              {point && filters.delegation ? " · " : null}
              <Link to={hrefWith({ item: itemKey(item) })}>{t("sideBySide.showWholeItem")}</Link>
            </p>
          ) : null}

          {points.length === 0 && !point ? <p className="empty">{t("sideBySide.noPoints")}</p> : null}
          {points.map((p) => (
            <PointSection
              key={p.id}
              point={p}
              pointLink={(anchor) => paths.sideBySide(consultation.id, { item: item.id, point: p.id }, anchor)}
              targetCode={point?.id === p.id ? filters.delegation : null}
              shared={shared}
              review={review}
            />
          ))}

          {!point ? (
            <>
              <section className="sbs-aside" aria-labelledby="sbs-general-title">
                <h2 id="sbs-general-title">{t("sideBySide.general")}</h2>
                {general.length === 0 ? <p className="empty">{t("sideBySide.noGeneral")}</p> : <EntryList entries={general} shared={shared} review={review} />}
              </section>
              <section className="sbs-aside" aria-labelledby="sbs-proposals-title">
                <h2 id="sbs-proposals-title">{t("sideBySide.proposals")}</h2>
                {proposals.length === 0 ? (
                  <p className="empty">{t("sideBySide.noProposals")}</p>
                ) : (
                  <EntryList entries={proposals} shared={shared} review={review} />
                )}
              </section>
            </>
          ) : null}
          <DispositionsPublication
            publishedAt={consultation.dispositionsPublishedAt}
            mayPublish={view.mayPublish}
            busy={navigation.state !== "idle" && navigation.formData?.get("intent") === "publication"}
            language={view.readerLanguage}
            timeZone={view.readerTimeZone}
            formAction={formAction}
            t={t}
          />
          <DispositionTable rows={view.dispositionsByDelegation} language={filters.order === "reader" ? view.readerLanguage : "en"} t={t} />
        </>
      ) : null}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
