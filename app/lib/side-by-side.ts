// The side-by-side view's address and the pure work of its page, shared by the route, its
// components and the model. Pure: no I/O, safe on server and client.
import { isLanguage, type Language } from "~/i18n/languages";
import { isReviewTag, type ReviewTag } from "~/lib/consolidation";
import { isDispositionFilter, type Disposition, type DispositionFilter } from "~/lib/dispositions";
import { delegationName, nameInSentence } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { redline, type RedlineSegment } from "~/lib/redline";
import { DESK_STATUSES, type DeskStatus } from "~/lib/translation-segments";

export type DelegationOrder = "en" | "reader";

export type SideBySideFilters = {
  /** The agenda item: its number ("2") or id; the first with points by default. */
  item?: string | null;
  /** One point of the item: its label ("(c)" or "c") or id. */
  point?: string | null;
  /** One delegation, by code ("PER"). */
  delegation?: string | null;
  language?: Language | null;
  /** Only amendments (true), or only comments without one (false). */
  hasAmendment?: boolean | null;
  translationStatus?: DeskStatus | null;
  /** A tag that someone gave the comment, or "untagged". */
  tag?: ReviewTag | "untagged" | null;
  /** What became of the comment, or "none": no disposition yet. */
  disposition?: DispositionFilter | null;
  order: DelegationOrder;
  readerLanguage: Language;
};

export type SideBySideQuery = SideBySideFilters & {
  original: "beside" | "hidden";
  /** The comment whose review form is open (`?review=<commentId>`), or null. */
  review: string | null;
};

/** The query parameter that opens one comment's review form (the page has one form, on demand). */
export const REVIEW_PARAM = "review";
/** The id of that form: the address of "Review this entry" without JavaScript ends with it. */
export const REVIEW_FORM_ID = "sbs-review";
/**
 * The page's one GET form that every entry's "Review this entry" button submits (`form=`), adding
 * `review=<commentId>` to the view's address: without JavaScript, the server renders that form.
 */
export const REVIEW_OPENER_ID = "sbs-review-opener";

const DELEGATION_CODE = /^[A-Z]{2,3}$/;
const ANCHOR = /^[A-Za-z0-9-]{1,100}$/;

/** The filters and display choices from the address; anything malformed is ignored (unfiltered). */
export function readSideBySideQuery(search: URLSearchParams, readerLanguage: Language): SideBySideQuery {
  const get = (name: string) => search.get(name)?.trim() || null;
  const delegation = get("delegation")?.toUpperCase() ?? null;
  const language = get("language");
  const amendment = get("amendment");
  const status = get("status");
  const tag = get("tag");
  const disposition = get("disposition");
  const item = get("item");
  const point = get("point");
  const review = get(REVIEW_PARAM);
  return {
    item: item && item.length <= 100 ? item : null,
    point: point && point.length <= 100 ? point : null,
    delegation: delegation && DELEGATION_CODE.test(delegation) ? delegation : null,
    language: isLanguage(language) ? language : null,
    hasAmendment: amendment === "yes" ? true : amendment === "no" ? false : null,
    translationStatus: DESK_STATUSES.includes(status as DeskStatus) ? (status as DeskStatus) : null,
    tag: tag === "untagged" || isReviewTag(tag) ? tag : null,
    disposition: isDispositionFilter(disposition) ? disposition : null,
    order: get("order") === "reader" ? "reader" : "en",
    readerLanguage,
    original: get("original") === "hidden" ? "hidden" : "beside",
    review: isUuid(review) ? review.toLowerCase() : null,
  };
}

/** The address's query without the open review form: where a save or a cancel returns to. */
export function searchWithoutReview(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(REVIEW_PARAM);
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}

/**
 * Whether two addresses show the same view, the open review form aside: opening a form needs no
 * new data from the server (the route's shouldRevalidate).
 */
export function sameViewApartFromReview(a: URL, b: URL): boolean {
  return a.pathname === b.pathname && searchWithoutReview(a.search) === searchWithoutReview(b.search);
}

/** An anchor the action may send the reader back to (`#point-<id>-<CODE>`), or none. */
export function safeAnchor(value: string): string | null {
  return ANCHOR.test(value) ? value : null;
}

/** What the page shows of an entry: only what it renders (the page's data is most of its weight). */
export type PageEntry = {
  commentId: string;
  kind: "general" | "point" | "amendment" | "new_proposal";
  pointId: string | null;
  /** A new proposal's own label ("(a)"). */
  label: string | null;
  code: string;
  /** The delegation's name in the reader's language. */
  name: string;
  revisionNumber: number;
  /** The language the comment's text is written in (judged from the text). */
  bodyLanguage: Language;
  /** The translation's status, or null when the text needs none (written in English). */
  status: DeskStatus | null;
  body: string;
  proposedText: string | null;
  baseText: string | null;
  translation: { body: string; proposedText: string | null; machineAssisted: boolean } | null;
  /** Others' tags (the reader's own review is `myReview`). */
  tags: { reviewerId: string; reviewerName: string; tag: ReviewTag }[];
  myReview: { tag: ReviewTag | null; note: string | null } | null;
  /** What became of the comment, shared by the secretariat and the chairs; null: not decided yet. */
  disposition: { disposition: Disposition; observation: string | null } | null;
  /** Its submission, the key of the page's `attributions` (who the submission speaks for). */
  submissionId?: string;
};

/**
 * Who an entry's submission speaks for besides its delegation (issue 19), as the page shows it:
 * names in the reader's language, in the view's order; sent once per submission, not per entry.
 */
export type PageAttribution = {
  /** The group it was made on behalf of: its name and article in the reader's language, its size, its members. */
  group: { name: string; article: string | null; size: number; states: boolean; members: string[] } | null;
  /** Confirmed co-sponsors. */
  cosponsors: string[];
  /** Delegations aligned with it. */
  aligned: string[];
};

type Names = Record<"nameAr" | "nameZh" | "nameEn" | "nameFr" | "nameRu" | "nameEs", string>;
const STATE_KINDS = new Set(["member_state", "observer_state", "non_member_state"]);

/** A submission's attribution as the model gives it, for the page. A group named in English only keeps its English name, without article. */
export function pageAttribution(
  attribution: {
    group: (Names & { articleFr: string | null; articleEs: string | null; members: (Names & { kind: string })[] }) | null;
    cosponsors: Names[];
    aligned: Names[];
  },
  language: Language,
): PageAttribution {
  const names = (list: Names[]) => list.map((d) => delegationName(d, language));
  const group = attribution.group;
  let shown: PageAttribution["group"] = null;
  if (group) {
    const own = delegationName(group, language).trim();
    const article = !own ? null : language === "fr" ? group.articleFr : language === "es" ? group.articleEs : null;
    shown = {
      // English sentences write "the {{group}}": a name stored with its "The" keeps one.
      name: language === "en" || !own ? (own || group.nameEn).replace(/^the\s+/i, "") : own,
      article,
      size: group.members.length,
      states: group.members.every((m) => STATE_KINDS.has(m.kind)),
      members: names(group.members),
    };
  }
  return { group: shown, cosponsors: names(attribution.cosponsors), aligned: names(attribution.aligned) };
}

/**
 * The sentences of an attribution in the reader's language (`t` from its locale): the heading ("Egypt
 * on behalf of the Group of African States (54 States)"; the name alone without a group), the
 * co-sponsors and the aligned delegations (null when none). `isolate` marks the names as data
 * (FSI … PDI), for HTML to turn into <bdi>.
 */
export function attributionTexts(
  attribution: PageAttribution,
  delegation: string,
  t: (key: string, options?: Record<string, unknown>) => string,
  language: Language,
  options: { isolate?: boolean } = {},
): { heading: string; members: string | null; cosponsors: string | null; aligned: string | null } {
  const isolate = options.isolate ?? false;
  // UN English writes no serial comma ("Algeria, Egypt and Morocco"), as British English does.
  const list = new Intl.ListFormat(language === "en" ? "en-GB" : language, { type: "conjunction" });
  const plain = (name: string) => name.replace(BIDI_CONTROLS, "");
  const group = attribution.group;
  let heading = delegation;
  let members: string | null = null;
  if (group) {
    const name = plain(group.name);
    // The group's name with its article in French and Spanish ("au nom du Groupe …", "en nombre del Grupo …").
    const inSentence = nameInSentence(
      { nameAr: name, nameZh: name, nameEn: name, nameFr: name, nameRu: name, nameEs: name, articleFr: group.article, articleEs: group.article },
      language,
      { isolate },
    );
    const key = group.states ? "consolidation:sideBySide.onBehalfOf" : "consolidation:sideBySide.onBehalfOfMembers";
    heading = t(key, { delegation: isolate ? `\u2068${plain(delegation)}\u2069` : delegation, group: inSentence, count: group.size });
    members = t("consolidation:sideBySide.groupMembers", { group: inSentence });
  }
  return {
    heading,
    members,
    cosponsors: attribution.cosponsors.length ? t("consolidation:sideBySide.jointlyWith", { delegations: list.format(attribution.cosponsors) }) : null,
    aligned: attribution.aligned.length ? t("consolidation:sideBySide.aligned", { delegations: list.format(attribution.aligned) }) : null,
  };
}

const BIDI_CONTROLS = /[\u2066-\u2069]/g;

/** An entry as the model gives it (app/models/consolidation.server.ts's SideBySideEntry). */
type ModelEntry = Omit<PageEntry, "code" | "name" | "bodyLanguage" | "status" | "tags" | "submissionId"> & {
  submissionId?: string;
  delegation: { code: string } & Record<"nameAr" | "nameZh" | "nameEn" | "nameFr" | "nameRu" | "nameEs", string>;
  language: Language;
  languages: { body: Language | null };
  needs: { body: boolean };
  translationStatus: DeskStatus | null;
  reviews: { reviewerId: string; reviewerName: string; tag: ReviewTag; own: boolean }[];
};

export function pageEntry(entry: ModelEntry, language: Language): PageEntry {
  return {
    commentId: entry.commentId,
    kind: entry.kind,
    pointId: entry.pointId,
    label: entry.label,
    code: entry.delegation.code,
    name: delegationName(entry.delegation, language),
    revisionNumber: entry.revisionNumber,
    bodyLanguage: entry.languages.body ?? entry.language,
    status: entry.needs.body ? entry.translationStatus : null,
    body: entry.body,
    proposedText: entry.proposedText,
    baseText: entry.baseText,
    translation: entry.translation,
    tags: entry.reviews.filter((r) => !r.own).map(({ reviewerId, reviewerName, tag }) => ({ reviewerId, reviewerName, tag })),
    myReview: entry.myReview,
    disposition: entry.disposition,
    ...(entry.submissionId ? { submissionId: entry.submissionId } : {}),
  };
}

/** The id of an entry: a point's is `point-<pointId>-<CODE>` (deep links), others by kind. */
export function anchorOf(entry: Pick<PageEntry, "kind" | "pointId" | "commentId" | "code">): string {
  if (entry.pointId) return `point-${entry.pointId}-${entry.code}`;
  if (entry.kind === "general") return `general-${entry.code}`;
  return `proposal-${entry.commentId}`;
}

/**
 * Redlines for one render: many delegations propose the same wording for a point, and each pair
 * of texts is diffed once.
 */
export function redlineCache(): (before: string, after: string) => RedlineSegment[] {
  const cache = new Map<string, RedlineSegment[]>();
  return (before, after) => {
    const key = `${before}\u0000${after}`;
    let segments = cache.get(key);
    if (!segments) cache.set(key, (segments = redline(before, after)));
    return segments;
  };
}
