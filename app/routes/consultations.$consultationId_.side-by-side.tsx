import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { EntryList, type EntryShared, type ReviewState } from "~/components/side-by-side/entry-list";
import { FilterForm } from "~/components/side-by-side/filter-form";
import { ItemNav } from "~/components/side-by-side/item-nav";
import { PointSection } from "~/components/side-by-side/point-section";
import type { ReviewReply } from "~/components/side-by-side/review-form";
import { useEntryWords } from "~/components/side-by-side/labels";
import { useOnDemandReview } from "~/components/side-by-side/use-on-demand-review";
import { isolate, withData } from "~/components/ui/data-text";
import { isReviewTag, MAX_REVIEW_NOTE } from "~/lib/consolidation";
import { isUuid } from "~/lib/ids";
import {
  pageEntry,
  readSideBySideQuery,
  redlineCache,
  REVIEW_FORM_ID,
  REVIEW_OPENER_ID,
  REVIEW_PARAM,
  safeAnchor,
  sameViewApartFromReview,
  searchWithoutReview,
} from "~/lib/side-by-side";
import { canReview, getSideBySide } from "~/models/consolidation.server";
import { saveReview, type ReviewRefusal } from "~/models/review.server";
import type { SessionUser } from "~/models/user.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { resolveLanguage } from "~/utils/i18n.server";
import stylesheet from "~/styles/consolidation.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.item?.number ? `${data.item.number} · ` : ""}${data.consultation.title} · Nonpaper` : "Nonpaper" },
];

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat", "chair");
  if (!isUuid(params.consultationId)) notFound();
  const readerLanguage = await resolveLanguage(request, user.language);
  const query = readSideBySideQuery(new URL(request.url).searchParams, readerLanguage);
  const view = await getSideBySide(user, params.consultationId, query);
  if (!view) notFound();
  // Only what the page renders of each entry (its data is sent along with the HTML).
  const entries = (list: typeof view.general) => list.map((e) => pageEntry(e, readerLanguage));
  return {
    ...view,
    points: view.points.map((p) => ({ ...p, entries: entries(p.entries) })),
    general: entries(view.general),
    proposals: entries(view.proposals),
    filters: {
      point: view.point?.id ?? null,
      delegation: query.delegation ?? null,
      language: query.language ?? null,
      amendment: query.hasAmendment === true ? ("yes" as const) : query.hasAmendment === false ? ("no" as const) : null,
      status: query.translationStatus ?? null,
      tag: query.tag ?? null,
      order: query.order,
      original: query.original,
    },
    readerLanguage,
  };
}

// Opening or closing a review form changes only `?review=`: the data on the page stays right.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) =>
  !formMethod && sameViewApartFromReview(currentUrl, nextUrl) ? false : defaultShouldRevalidate;

const REFUSALS: Record<Exclude<ReviewRefusal, "not_found">, { message: string; values?: Record<string, number> }> = {
  invalid_tag: { message: "consolidation:errors.invalidTag" },
  note_too_long: { message: "consolidation:errors.noteTooLong", values: { max: MAX_REVIEW_NOTE } },
  note_invalid: { message: "consolidation:errors.noteInvalid" },
};

type Intent = (input: { request: Request; user: SessionUser; consultationId: string; form: FormData; ipAddress: string }) => Promise<Response | ReturnType<typeof refuse>>;

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** A refused review, with what was typed, for the page to show in that entry's form. */
function refuse(form: FormData, status: number, error: string, values?: Record<string, string | number>) {
  const review: ReviewReply = { commentId: field(form, "commentId"), tag: field(form, "tag"), note: field(form, "note"), error, values };
  return data({ review }, { status });
}

/** Saves the reader's tag and private note on one comment, then back to the same view at that entry. */
const saveReviewIntent: Intent = async ({ request, user, consultationId, form, ipAddress }) => {
  const commentId = field(form, "commentId");
  const tag = field(form, "tag");
  if (!isUuid(commentId)) return refuse(form, 400, "consolidation:errors.invalid");
  if (tag !== "" && !isReviewTag(tag)) return refuse(form, 400, REFUSALS.invalid_tag.message);
  const saved = await saveReview(user, { consultationId, commentId, tag: tag === "" ? null : tag, note: field(form, "note"), ipAddress });
  if (!saved.ok) {
    // A comment of this consultation that a new revision replaced meanwhile, or a forged id.
    if (saved.reason === "not_found") return refuse(form, 409, "consolidation:errors.notFound");
    const refusal = REFUSALS[saved.reason];
    return refuse(form, 400, refusal.message, refusal.values);
  }
  // Post/redirect/get, also without JavaScript: the view without the open form, at the entry.
  const url = new URL(request.url);
  const anchor = safeAnchor(field(form, "anchor"));
  throw redirect(`${url.pathname}${searchWithoutReview(url.search)}${anchor ? `#${anchor}` : ""}`);
};

const INTENTS: Record<string, Intent> = { review: saveReviewIntent };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat", "chair");
  const consultationId = params.consultationId;
  if (!isUuid(consultationId) || !(await canReview(user, consultationId))) notFound();
  const form = await request.formData();
  const intent = Object.hasOwn(INTENTS, field(form, "intent")) ? INTENTS[field(form, "intent")] : undefined;
  if (!intent) return refuse(form, 400, "consolidation:errors.invalid");
  return intent({ request, user, consultationId, form, ipAddress: clientAddress(context) });
}

export default function SideBySidePage() {
  const view = useLoaderData<typeof loader>();
  const { consultation, agendaItems, item, point, points, general, proposals, filters } = view;
  const words = useEntryWords();
  const { t } = words;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const reply = actionData && "review" in actionData ? actionData.review : null;
  const { open, onClick } = useOnDemandReview(reply?.commentId ?? null);
  const formAction = `${location.pathname}${searchWithoutReview(location.search)}`;
  // Stable between renders while the data is the same: the entries stay memoized.
  const redlineOf = useMemo(() => redlineCache(), [view]);
  const shared: EntryShared = useMemo(
    () => ({ original: filters.original, consultationId: consultation.id, words, redlineOf, formAction }),
    [filters.original, consultation.id, words, redlineOf, formAction],
  );
  const review: ReviewState = {
    open,
    reply,
    busyComment: navigation.state !== "idle" ? String(navigation.formData?.get("commentId") ?? "") || null : null,
  };
  const base = `/consultations/${consultation.id}`;
  const itemKey = (i: { number: string | null; id: string }) => i.number ?? i.id;
  // Links keep the reader's display choices (order, original) but not the filters.
  const keep = new URLSearchParams();
  if (filters.order !== "en") keep.set("order", filters.order);
  if (filters.original !== "beside") keep.set("original", filters.original);
  const hrefWith = (extra: Record<string, string>) => `?${new URLSearchParams({ ...extra, ...Object.fromEntries(keep) })}`;
  const activeFilters = [filters.point, filters.delegation, filters.language, filters.amendment, filters.status, filters.tag].filter(Boolean).length;
  const itemLabel = (i: { number: string | null }): ReactNode =>
    i.number ? withData(t("consultations:agendaItem", { number: isolate(i.number) })) : t("sideBySide.generalSection");

  return (
    // One click handler for every entry's review button and cancel link (useOnDemandReview).
    <article className="consolidation sbs" onClick={onClick}>
      <p className="eyebrow">
        <Link to={base} lang="en" dir="ltr">
          {consultation.title}
        </Link>
        {" · "}
        <Link to={`${base}/matrix`}>{t("sideBySide.toMatrix")}</Link>
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
          <FilterForm
            filters={filters}
            itemKey={itemKey(item)}
            activeFilters={activeFilters}
            delegations={view.delegations}
            pointChoices={view.pointChoices}
            readerLanguage={view.readerLanguage}
          />
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
              pointLink={`${base}/side-by-side?item=${item.id}&point=${p.id}`}
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
                {proposals.length === 0 ? <p className="empty">{t("sideBySide.noProposals")}</p> : <EntryList entries={proposals} shared={shared} review={review} />}
              </section>
            </>
          ) : null}
        </>
      ) : null}
    </article>
  );
}

/**
 * The GET form every entry's "Review this entry" button submits (`form=`): the current view's
 * address plus `review=<commentId>`, ending at the form (no JavaScript needed).
 */
function ReviewOpener({ search }: { search: string }) {
  const kept = [...new URLSearchParams(search).entries()].filter(([name]) => name !== REVIEW_PARAM);
  return (
    <form id={REVIEW_OPENER_ID} method="get" action={`#${REVIEW_FORM_ID}`} hidden>
      {kept.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}
