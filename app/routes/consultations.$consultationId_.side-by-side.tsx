import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/form-errors";
import { PendingText, Redline } from "~/components/redline";
import { isolate, withData } from "~/components/ui/data-text";
import { directionOf, isLanguage, LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { delegationName } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { redline } from "~/lib/redline";
import { DESK_STATUSES, type DeskStatus } from "~/lib/translation-segments";
import { isReviewTag, MAX_REVIEW_NOTE, REVIEW_TAGS } from "~/lib/consolidation";
import { canReview, getSideBySide, type SideBySideEntry, type SideBySideFilters } from "~/models/consolidation.server";
import { saveReview, type ReviewRefusal } from "~/models/review.server";
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

const DELEGATION_CODE = /^[A-Z]{2,3}$/;
const ANCHOR = /^[A-Za-z0-9-]{1,100}$/;

/** The filters from the address; anything malformed is ignored (the view is then unfiltered). */
function readFilters(url: URL, readerLanguage: Language): SideBySideFilters & { original: "beside" | "hidden" } {
  const get = (name: string) => url.searchParams.get(name)?.trim() || null;
  const delegation = get("delegation")?.toUpperCase() ?? null;
  const language = get("language");
  const amendment = get("amendment");
  const status = get("status");
  const tag = get("tag");
  const item = get("item");
  const point = get("point");
  return {
    item: item && item.length <= 100 ? item : null,
    point: point && point.length <= 100 ? point : null,
    delegation: delegation && DELEGATION_CODE.test(delegation) ? delegation : null,
    language: isLanguage(language) ? language : null,
    hasAmendment: amendment === "yes" ? true : amendment === "no" ? false : null,
    translationStatus: DESK_STATUSES.includes(status as DeskStatus) ? (status as DeskStatus) : null,
    tag: tag === "untagged" || isReviewTag(tag) ? tag : null,
    order: get("order") === "reader" ? "reader" : "en",
    readerLanguage,
    original: get("original") === "hidden" ? "hidden" : "beside",
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat", "chair");
  if (!isUuid(params.consultationId)) notFound();
  const readerLanguage = await resolveLanguage(request, user.language);
  const filters = readFilters(new URL(request.url), readerLanguage);
  const view = await getSideBySide(user, params.consultationId, filters);
  if (!view) notFound();
  return {
    ...view,
    filters: {
      point: view.point?.id ?? null,
      delegation: filters.delegation,
      language: filters.language ?? null,
      amendment: filters.hasAmendment === true ? "yes" : filters.hasAmendment === false ? "no" : null,
      status: filters.translationStatus ?? null,
      tag: filters.tag ?? null,
      order: filters.order,
      original: filters.original,
    },
    readerLanguage,
  };
}

type ReviewReply = {
  commentId: string;
  tag: string;
  note: string;
  error: string;
  values?: Record<string, string | number>;
};

const REFUSALS: Record<Exclude<ReviewRefusal, "not_found">, { message: string; values?: Record<string, number> }> = {
  invalid_tag: { message: "consolidation:errors.invalidTag" },
  note_too_long: { message: "consolidation:errors.noteTooLong", values: { max: MAX_REVIEW_NOTE } },
  note_invalid: { message: "consolidation:errors.noteInvalid" },
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat", "chair");
  const consultationId = params.consultationId;
  if (!isUuid(consultationId) || !(await canReview(user, consultationId))) notFound();
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const commentId = text("commentId");
  const reply = (status: number, error: string, values?: Record<string, string | number>) =>
    data<{ review: ReviewReply }>({ review: { commentId, tag: text("tag"), note: text("note"), error, values } }, { status });
  if (text("intent") !== "review" || !isUuid(commentId)) return reply(400, "consolidation:errors.invalid");
  const tag = text("tag");
  if (tag !== "" && !isReviewTag(tag)) return reply(400, REFUSALS.invalid_tag.message);

  const saved = await saveReview(user, {
    consultationId,
    commentId,
    tag: tag === "" ? null : tag,
    note: text("note"),
    ipAddress: clientAddress(context),
  });
  if (!saved.ok) {
    // A comment of this consultation that a new revision replaced meanwhile, or a forged id.
    if (saved.reason === "not_found") return reply(409, "consolidation:errors.notFound");
    const refusal = REFUSALS[saved.reason];
    return reply(400, refusal.message, refusal.values);
  }
  // Back to the same view, at the same entry (post/redirect/get, also without JavaScript).
  const url = new URL(request.url);
  const anchor = text("anchor");
  throw redirect(`${url.pathname}${url.search}${ANCHOR.test(anchor) ? `#${anchor}` : ""}`);
}

type View = ReturnType<typeof useLoaderData<typeof loader>>;

/** A translation function for strings repeated on every entry (about 1,200 at full scale). */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * `t` with a cache: the same label on every entry is translated once per render, and the
 * entries call no translation hook of their own (i18next's hook and `t` are the bulk of the
 * render time at 200 delegations otherwise: tests/bench/consolidation.ts).
 */
function useCachedT(): Translate {
  const { t } = useTranslation(["consolidation", "common", "translations"]);
  return useMemo(() => {
    const cache = new Map<string, string>();
    return (key, options) => {
      const id = options ? `${key}\u0000${JSON.stringify(options)}` : key;
      let value = cache.get(id);
      if (value === undefined) cache.set(id, (value = String(t(key as never, options as never))));
      return value;
    };
  }, [t]);
}

/** What every review form needs from the page: the last action's answer, the navigation, the URL. */
type ReviewContext = { reply: ReviewReply | null; busyComment: string | null; here: string; language: Language };
type Entry = View["points"][number]["entries"][number];

/** The id of an entry: a point's is `point-<pointId>-<CODE>` (deep links), others by kind. */
function anchorOf(entry: Pick<SideBySideEntry, "kind" | "pointId" | "commentId" | "delegation">) {
  if (entry.pointId) return `point-${entry.pointId}-${entry.delegation.code}`;
  if (entry.kind === "general") return `general-${entry.delegation.code}`;
  return `proposal-${entry.commentId}`;
}

export default function SideBySidePage() {
  const view = useLoaderData<typeof loader>();
  const { consultation, agendaItems, item, point, points, general, proposals, filters } = view;
  const { t, i18n } = useTranslation(["consolidation", "common", "consultations", "translations"]);
  const tt = useCachedT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const review: ReviewContext = {
    reply: actionData?.review ?? null,
    busyComment: navigation.state !== "idle" ? String(navigation.formData?.get("commentId") ?? "") || null : null,
    here: `${location.pathname}${location.search}`,
    language: i18n.language as Language,
  };
  const base = `/consultations/${consultation.id}`;
  const itemKey = (i: { number: string | null; id: string }) => i.number ?? i.id;
  // Links keep the reader's display choices (order, original) but not the filters.
  const keep = new URLSearchParams();
  if (filters.order !== "en") keep.set("order", filters.order);
  if (filters.original !== "beside") keep.set("original", filters.original);
  const hrefWith = (extra: Record<string, string>) => `?${new URLSearchParams({ ...extra, ...Object.fromEntries(keep) })}`;
  const activeFilters = [filters.point, filters.delegation, filters.language, filters.amendment, filters.status, filters.tag].filter(Boolean).length;
  const itemLabel = (i: { number: string | null }) =>
    i.number ? withData(t("consultations:agendaItem", { number: isolate(i.number) })) : t("consolidation:sideBySide.generalSection");

  return (
    <article className="consolidation sbs">
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
        <nav aria-label={t("sideBySide.items")} className="sbs-items">
          <ul>
            {agendaItems.map((i) => (
              <li key={i.id}>
                <Link to={hrefWith({ item: itemKey(i) })} aria-current={i.id === item?.id ? "page" : undefined}>
                  <span className="sbs-items__number">{itemLabel(i)}</span>{" "}
                  <span lang="en" dir="ltr">
                    {i.title}
                  </span>{" "}
                  <span className="muted">({t("sideBySide.pointCount", { count: i.pointCount })})</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {item ? (
        <>
          <h2 className="sbs-item-title">
            <span className="agenda-item__number">{itemLabel(item)}</span>{" "}
            <span lang="en" dir="ltr">
              {item.title}
            </span>
          </h2>
          <FilterForm view={view} itemKey={itemKey(item)} activeFilters={activeFilters} />
          <p className="note">{t("review.noteHelp")}</p>

          {point || filters.delegation ? (
            <p className="sbs-scope">
              {point && filters.delegation ? <Link to={hrefWith({ item: itemKey(item), point: point.id })}>{t("sideBySide.showAllDelegations")}</Link> : null}
              {point && filters.delegation ? " · " : null}
              <Link to={hrefWith({ item: itemKey(item) })}>{t("sideBySide.showWholeItem")}</Link>
            </p>
          ) : null}

          {points.length === 0 && !point ? <p className="empty">{t("sideBySide.noPoints")}</p> : null}
          {points.map((p) => (
            <section key={p.id} id={`point-${p.id}`} className="sbs-point" aria-labelledby={`point-${p.id}-title`}>
              <div className="sbs-point__text">
                <h2 id={`point-${p.id}-title`}>{withData(t("sideBySide.point", { label: isolate(p.label) }))}</h2>
                <p className="muted sbs-point__version">{t("sideBySide.circulated", { version: p.versionNumber })}</p>
                <p className="sbs-point__wording" lang="en" dir="ltr">
                  <PendingText text={p.text} />
                </p>
              </div>
              <div className="sbs-point__comments">
                <Summary point={p} pointLink={`/consultations/${consultation.id}/side-by-side?item=${item.id}&point=${p.id}`} language={i18n.language as Language} />
                <h3 className="visually-hidden">{withData(t("sideBySide.comments", { label: isolate(p.label) }))}</h3>
                {p.entries.length === 0 ? (
                  <p className="empty">{p.total === 0 ? t("sideBySide.noEntries") : t("sideBySide.noEntriesFiltered")}</p>
                ) : (
                  <ol className="sbs-entries">
                    {p.entries.map((entry) => (
                      <li key={entry.commentId}>
                        <EntryView
                          entry={entry}
                          original={filters.original}
                          target={point?.id === p.id && filters.delegation === entry.delegation.code}
                          consultationId={consultation.id}
                          t={tt}
                          review={review}
                        />
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            </section>
          ))}

          {!point ? (
            <>
              <section className="sbs-aside" aria-labelledby="sbs-general-title">
                <h2 id="sbs-general-title">{t("sideBySide.general")}</h2>
                {general.length === 0 ? (
                  <p className="empty">{t("sideBySide.noGeneral")}</p>
                ) : (
                  <ol className="sbs-entries">
                    {general.map((entry) => (
                      <li key={entry.commentId}>
                        <EntryView entry={entry} original={filters.original} target={false} consultationId={consultation.id} t={tt} review={review} />
                      </li>
                    ))}
                  </ol>
                )}
              </section>
              <section className="sbs-aside" aria-labelledby="sbs-proposals-title">
                <h2 id="sbs-proposals-title">{t("sideBySide.proposals")}</h2>
                {proposals.length === 0 ? (
                  <p className="empty">{t("sideBySide.noProposals")}</p>
                ) : (
                  <ol className="sbs-entries">
                    {proposals.map((entry) => (
                      <li key={entry.commentId}>
                        <EntryView entry={entry} original={filters.original} target={false} consultationId={consultation.id} t={tt} review={review} />
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            </>
          ) : null}
        </>
      ) : null}
    </article>
  );
}

function FilterForm({ view, itemKey, activeFilters }: { view: View; itemKey: string; activeFilters: number }) {
  const { t } = useTranslation(["consolidation", "common", "translations"]);
  const { filters, delegations, readerLanguage, pointChoices } = view;
  const field = (name: string) => `sbs-filter-${name}`;
  return (
    <Form method="get" className="panel sbs-filters" aria-labelledby="sbs-filters-title">
      <h2 id="sbs-filters-title" className="sbs-filters__title">
        {t("filters.title")}
      </h2>
      <input type="hidden" name="item" value={itemKey} />
      <div className="sbs-filters__fields">
        <div className="field">
          <label htmlFor={field("point")}>{t("filters.point")}</label>
          <select id={field("point")} name="point" defaultValue={filters.point ?? ""}>
            <option value="">{t("filters.allPoints")}</option>
            {pointChoices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("delegation")}>{t("filters.delegation")}</label>
          <select id={field("delegation")} name="delegation" defaultValue={filters.delegation ?? ""}>
            <option value="">{t("filters.allDelegations")}</option>
            {delegations.map((d) => (
              <option key={d.code} value={d.code}>
                {delegationName(d, filters.order === "reader" ? readerLanguage : "en")}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("language")}>{t("filters.language")}</label>
          <select id={field("language")} name="language" defaultValue={filters.language ?? ""}>
            <option value="">{t("filters.allLanguages")}</option>
            {LANGUAGE_CODES.map((code) => (
              <option key={code} value={code}>
                {t(`common:languageNames.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("amendment")}>{t("filters.amendment")}</label>
          <select id={field("amendment")} name="amendment" defaultValue={filters.amendment ?? ""}>
            <option value="">{t("filters.any")}</option>
            <option value="yes">{t("filters.withAmendment")}</option>
            <option value="no">{t("filters.withoutAmendment")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("status")}>{t("filters.translationStatus")}</label>
          <select id={field("status")} name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("filters.any")}</option>
            {DESK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`translations:status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("tag")}>{t("filters.tag")}</label>
          <select id={field("tag")} name="tag" defaultValue={filters.tag ?? ""}>
            <option value="">{t("filters.any")}</option>
            {REVIEW_TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {t(`tags.${tag}`)}
              </option>
            ))}
            <option value="untagged">{t("filters.untagged")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("order")}>{t("filters.order")}</label>
          <select id={field("order")} name="order" defaultValue={filters.order}>
            <option value="en">{t("filters.orderEn")}</option>
            {readerLanguage !== "en" ? (
              <option value="reader">{t("filters.orderReader", { language: t(`common:languageNames.${readerLanguage}`) })}</option>
            ) : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("original")}>{t("filters.original")}</label>
          <select id={field("original")} name="original" defaultValue={filters.original}>
            <option value="beside">{t("filters.originalBeside")}</option>
            <option value="hidden">{t("filters.originalHidden")}</option>
          </select>
        </div>
      </div>
      <div className="sbs-filters__buttons">
        <button type="submit" className="button">
          {t("filters.apply")}
        </button>
        {activeFilters ? (
          <>
            <Link to={`?${new URLSearchParams({ item: itemKey })}`}>{t("filters.clear")}</Link>
            <span className="muted" role="status">
              {t("filters.active", { count: activeFilters })}
            </span>
          </>
        ) : null}
      </div>
    </Form>
  );
}

function Summary({ point, pointLink, language }: { point: View["points"][number]; pointLink: string; language: Language }) {
  const { t } = useTranslation("consolidation");
  const { summary } = point;
  const tagged = REVIEW_TAGS.filter((tag) => summary.tags[tag] > 0);
  return (
    <section className="sbs-summary" aria-labelledby={`summary-${point.id}`}>
      <h3 id={`summary-${point.id}`}>{t("summary.title")}</h3>
      <ul>
        <li>{t("summary.commented", { count: summary.commented })}</li>
        <li>
          {t("summary.amended", { count: summary.amended })}
          {summary.amendedBy.length ? (
            <ul className="sbs-summary__names" aria-label={t("summary.amendedBy")}>
              {summary.amendedBy.map((delegation) => (
                <li key={delegation.code}>
                  <a href={`${pointLink}#point-${point.id}-${delegation.code}`}>{delegationName(delegation, language)}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
        {tagged.map((tag) => (
          <li key={tag} className={`sbs-tag sbs-tag--${tag}`}>
            {t("summary.tag", { tag: t(`tags.${tag}`), count: summary.tags[tag] })}
          </li>
        ))}
      </ul>
      {tagged.length === 0 ? <p className="muted">{t("summary.noTags")}</p> : null}
      {point.entries.length !== point.total ? <p className="muted">{t("summary.shown", { shown: point.entries.length, total: point.total })}</p> : null}
    </section>
  );
}

function EntryView({
  entry,
  original,
  target,
  consultationId,
  t,
  review,
}: {
  entry: Entry;
  original: "beside" | "hidden";
  target: boolean;
  consultationId: string;
  t: Translate;
  review: ReviewContext;
}) {
  const language = review.language;
  const anchor = anchorOf(entry);
  const name = delegationName(entry.delegation, language);
  // The comment's own language, judged from its text (an English text in a Chinese submission is English).
  const bodyLanguage = entry.languages.body ?? entry.language;
  const languageName = t(`common:languageNames.${bodyLanguage}`);
  const status = entry.needs.body ? entry.translationStatus : null;
  const isAmendment = entry.kind === "amendment" && entry.proposedText !== null;
  const originalText = (
    <div className="sbs-text" lang={bodyLanguage} dir={directionOf(bodyLanguage)}>
      {entry.body}
    </div>
  );
  return (
    <article id={anchor} className={`sbs-entry${target ? " sbs-entry--target" : ""}`} aria-labelledby={`${anchor}-name`} tabIndex={target ? -1 : undefined}>
      <header className="sbs-entry__header">
        <h4 id={`${anchor}-name`}>
          {entry.kind === "new_proposal" && entry.label ? (
            <>
              <span className="sbs-entry__label" dir="ltr">
                {entry.label}
              </span>{" "}
            </>
          ) : null}
          {name}
        </h4>
        <span className="sbs-entry__meta">
          {/* Plain links and forms: a React Router hook set per entry costs more than the entry. */}
          <a href={`/consultations/${consultationId}/submissions/${entry.delegation.code}/${entry.revisionNumber}`} aria-describedby={`${anchor}-name`}>
            {t("sideBySide.revision", { number: entry.revisionNumber })}
          </a>
          {isAmendment ? <span className="badge sbs-badge--amendment">{t("sideBySide.amendment")}</span> : null}
        </span>
        {target ? <p className="sbs-entry__target">{t("sideBySide.target")}</p> : null}
      </header>

      {entry.body ? (
        status === null ? (
          <div className="sbs-entry__texts">
            <div className="sbs-entry__original">
              <p className="sbs-label">{t("sideBySide.inWorkingLanguage", { language: languageName })}</p>
              {originalText}
            </div>
          </div>
        ) : (
          <div className={`sbs-entry__texts sbs-entry__texts--${original}`}>
            <div className="sbs-entry__translation" lang="en" dir="ltr">
              <p className="sbs-label" lang={language} dir={directionOf(language)}>
                <span>{t("translations:labels.unofficial")}</span>
                {entry.translation?.machineAssisted ? <span className="badge sbs-badge--machine">{t("translations:labels.machineAssisted")}</span> : null}
                {status !== "final" ? (
                  <span className={`badge sbs-status sbs-status--${status}`}>{t("sideBySide.statusLabel", { status: t(`translations:status.${status}`) })}</span>
                ) : null}
              </p>
              {entry.translation?.body ? (
                <div className="sbs-text">{entry.translation.body}</div>
              ) : (
                <p className="empty" lang={language} dir={directionOf(language)}>
                  {t("sideBySide.notTranslated")}
                </p>
              )}
            </div>
            {original === "hidden" ? (
              <details className="sbs-entry__original">
                <summary>{t("sideBySide.showOriginal", { language: languageName })}</summary>
                {originalText}
              </details>
            ) : (
              <div className="sbs-entry__original">
                <p className="sbs-label">{t("sideBySide.original", { language: languageName })}</p>
                {originalText}
              </div>
            )}
          </div>
        )
      ) : null}

      {isAmendment ? (
        <div className="sbs-entry__amendment">
          <p className="sbs-label">{t("sideBySide.amendment")}</p>
          {entry.proposedText === "" ? <p className="sbs-deletion">{t("sideBySide.amendmentDeletion")}</p> : null}
          <p className="muted sbs-legend">{t("sideBySide.amendmentLegend")}</p>
          {/* Proposed from a copy of the circulated English wording, as in the editor. */}
          <div className="redline-box" dir="ltr">
            <Redline segments={redline(entry.baseText ?? "", entry.proposedText ?? "")} lang="en" />
          </div>
          {entry.translation?.proposedText && entry.translation.proposedText !== entry.proposedText ? (
            <>
              <p className="sbs-label">{t("sideBySide.amendmentTranslation")}</p>
              <div className="sbs-text" lang="en" dir="ltr">
                {entry.translation.proposedText}
              </div>
            </>
          ) : null}
        </div>
      ) : null}

      <ReviewPanel entry={entry} anchor={anchor} t={t} review={review} />
    </article>
  );
}

function ReviewPanel({ entry, anchor, t, review }: { entry: Entry; anchor: string; t: Translate; review: ReviewContext }) {
  const mine = review.reply?.commentId === entry.commentId ? review.reply : null;
  const id = `review-${entry.commentId}`;
  const others = entry.reviews.filter((r) => !r.own);
  const busy = review.busyComment === entry.commentId;
  return (
    <div className="sbs-review">
      {others.length ? (
        <p className="sbs-review__tags">
          <span className="sbs-label">{t("sideBySide.tagsTitle")}</span>{" "}
          {others.map((r, index) => (
            <span key={r.reviewerId} className={`badge sbs-tag sbs-tag--${r.tag}`}>
              {index > 0 ? " " : null}
              {withData(t("sideBySide.taggedBy", { tag: t(`tags.${r.tag}`), name: isolate(r.reviewerName) }))}
            </span>
          ))}
        </p>
      ) : null}
      {/* A document POST: the action redirects back to this view at this entry (#anchor). */}
      <form
        method="post"
        action={`${review.here}#${anchor}`}
        className="sbs-review__form"
        aria-labelledby={`${id}-title`}
        // The same key after an error keeps what the reader typed in the fields.
        key={`${entry.commentId}-${entry.myReview?.tag ?? ""}-${entry.myReview?.note ?? ""}`}
      >
        <p id={`${id}-title`} className="sbs-label">
          {t("review.title")}
        </p>
        <input type="hidden" name="intent" value="review" />
        <input type="hidden" name="commentId" value={entry.commentId} />
        <input type="hidden" name="anchor" value={anchor} />
        {mine ? <FormErrors id={`${id}-error`} errors={[mine.error]} values={mine.values} /> : null}
        <div className="sbs-review__fields">
          <div className="field">
            <label htmlFor={`${id}-tag`}>{t("review.tag")}</label>
            <select id={`${id}-tag`} name="tag" defaultValue={mine ? mine.tag : (entry.myReview?.tag ?? "")}>
              <option value="">{t("review.noTag")}</option>
              {REVIEW_TAGS.map((tag) => (
                <option key={tag} value={tag}>
                  {t(`tags.${tag}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field sbs-review__note">
            <label htmlFor={`${id}-note`}>{t("review.note")}</label>
            <textarea
              id={`${id}-note`}
              name="note"
              rows={2}
              maxLength={MAX_REVIEW_NOTE}
              defaultValue={mine ? mine.note : (entry.myReview?.note ?? "")}
              aria-describedby={mine ? `${id}-error` : undefined}
              aria-invalid={mine ? true : undefined}
            />
          </div>
          <button type="submit" className="button button--secondary" disabled={busy} aria-describedby={`${anchor}-name`}>
            {t("review.save")}
          </button>
        </div>
      </form>
    </div>
  );
}
