// The side-by-side view's entries as HTML. An agenda item holds some 1,400 entries of about 40
// elements each: as React elements, rendering them (and the web-streams renderer encoding each
// attribute and text apart) was most of the page's server time, and hydrating them most of the
// browser's. An entry's reading part (heading, texts, redline, tags, the review button) is built
// here as one string, the markup React would write, escaped as React escapes, and rendered with
// dangerouslySetInnerHTML; only the review form, when open, is React. Pure: no I/O, safe on server
// and client (the browser builds the same string, and React leaves equal strings alone).
import { directionOf, type Direction, type Language } from "~/i18n/languages";
import type { ReviewTag } from "~/lib/consolidation";
import type { Disposition } from "~/lib/dispositions";
import { escapeHtml } from "~/lib/html-escape";
import { paths } from "~/lib/paths";
import { pendingPassages, type RedlineSegment } from "~/lib/redline";
import { anchorOf, attributionTexts, REVIEW_OPENER_ID, type PageAttribution, type PageEntry } from "~/lib/side-by-side";
import type { DeskStatus } from "~/lib/translation-segments";

/** A translation function (i18next's `t`, loosely typed for keys built at run time). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Each value computed once, on first use. */
function once<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (made.has(key)) return made.get(key)!;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}

// Where a reviewer's name goes in "{{tag}}, by {{name}}": isolated, as isolate() marks data.
const NAME_SLOT = "\u2068\u0000\u2069";

/**
 * Every string an entry shows, translated once per page (and per language), never per entry,
 * already escaped for HTML where the entry's markup takes it.
 */
export function makeEntryWords(t: Translate, language: Language) {
  const text = (key: string, options?: Record<string, unknown>) => escapeHtml(t(key, options));
  const languageName = once((code: Language) => t(`common:languageNames.${code}`));
  const tag = once((code: ReviewTag) => t(`consolidation:tags.${code}`));
  return {
    language,
    dir: directionOf(language) as Direction,
    /** The cached `t` of the page (plain text, for React to escape). */
    t,
    tag,
    review: {
      title: t("consolidation:review.title"),
      tag: t("consolidation:review.tag"),
      noTag: t("consolidation:review.noTag"),
      note: t("consolidation:review.note"),
      save: t("consolidation:review.save"),
      cancel: t("consolidation:review.cancel"),
    },
    dispositionForm: {
      title: t("consolidation:disposition.title"),
      help: t("consolidation:disposition.help"),
      none: t("consolidation:disposition.none"),
      observation: t("consolidation:disposition.observation"),
      save: t("consolidation:disposition.save"),
      of: once((code: Disposition) => t(`consolidation:dispositions.${code}`)),
    },
    html: {
      revision: once((number: number) => text("consolidation:sideBySide.revision", { number })),
      amendment: text("consolidation:sideBySide.amendment"),
      amendmentLegend: text("consolidation:sideBySide.amendmentLegend"),
      amendmentDeletion: text("consolidation:sideBySide.amendmentDeletion"),
      amendmentTranslation: text("consolidation:sideBySide.amendmentTranslation"),
      target: text("consolidation:sideBySide.target"),
      notTranslated: text("consolidation:sideBySide.notTranslated"),
      unofficial: text("translations:labels.unofficial"),
      machineAssisted: text("translations:labels.machineAssisted"),
      status: once((status: DeskStatus) => text("consolidation:sideBySide.statusLabel", { status: t(`translations:status.${status}`) })),
      inWorkingLanguage: once((code: Language) => text("consolidation:sideBySide.inWorkingLanguage", { language: languageName(code) })),
      original: once((code: Language) => text("consolidation:sideBySide.original", { language: languageName(code) })),
      showOriginal: once((code: Language) => text("consolidation:sideBySide.showOriginal", { language: languageName(code) })),
      tagsTitle: text("consolidation:sideBySide.tagsTitle"),
      tag: once((code: ReviewTag) => escapeHtml(tag(code))),
      /** "Supports, by <bdi>name</bdi>", the name escaped here. */
      taggedBy: once((code: ReviewTag) => text("consolidation:sideBySide.taggedBy", { tag: tag(code), name: NAME_SLOT })),
      reviewTitle: text("consolidation:review.title"),
      noTag: text("consolidation:review.noTag"),
      note: text("consolidation:review.note"),
      open: text("consolidation:review.open"),
      edit: text("consolidation:review.edit"),
      insertedStart: text("consultations:redline.insertedStart"),
      insertedEnd: text("consultations:redline.insertedEnd"),
      deletedStart: text("consultations:redline.deletedStart"),
      deletedEnd: text("consultations:redline.deletedEnd"),
      pendingTitle: text("consultations:redline.pendingTitle"),
      dispositionTitle: text("consolidation:disposition.title"),
      disposition: once((code: Disposition) => text(`consolidation:dispositions.${code}`)),
      observation: text("consolidation:disposition.observation"),
    },
  };
}

export type EntryWords = ReturnType<typeof makeEntryWords>;

/**
 * What an entry of a submission that speaks for others shows (issue 19): the heading ("Egypt on
 * behalf of the Group of African States (54 States)") and, under it, the group's members on demand
 * (a <details> holding one sentence-long list, the compact form for 134 names), the co-sponsors
 * and the aligned delegations. Made once per submission and page, then shared by its entries.
 */
export type AttributionHtml = { heading: string; details: string };

const ISOLATED = /\u2068([^\u2066-\u2069]*)\u2069/g;

/** Escaped text with the data isolated by FSI … PDI (isolate(), the name forms) as <bdi>. */
function isolatedHtml(text: string): string {
  return escapeHtml(text).replace(ISOLATED, "<bdi>$1</bdi>");
}

export function attributionHtml(attribution: PageAttribution, delegationName: string, words: EntryWords): AttributionHtml {
  const texts = attributionTexts(attribution, delegationName, words.t, words.language, { isolate: true });
  let details = "";
  if (texts.members !== null) {
    // The members as one sentence-long list in a <details>: 134 names without an element each.
    const list = new Intl.ListFormat(words.language === "en" ? "en-GB" : words.language, { type: "conjunction" });
    details += `<details class="sbs-members"><summary>${isolatedHtml(texts.members)}</summary><p class="sbs-members__list">${escapeHtml(list.format(attribution.group!.members))}</p></details>`;
  }
  if (texts.cosponsors !== null) details += `<p class="sbs-attribution__line">${escapeHtml(texts.cosponsors)}</p>`;
  if (texts.aligned !== null) details += `<p class="sbs-attribution__line">${escapeHtml(texts.aligned)}</p>`;
  return {
    heading: attribution.group ? isolatedHtml(texts.heading) : escapeHtml(delegationName),
    details: details ? `<div class="sbs-attribution">${details}</div>` : "",
  };
}

/** Each submission's attribution as HTML, made on first use (once per submission and page). */
export function attributionCache(attributions: Record<string, PageAttribution>, words: EntryWords): (entry: PageEntry) => AttributionHtml | null {
  const made = new Map<string, AttributionHtml>();
  return (entry) => {
    const id = entry.submissionId;
    const attribution = id ? attributions[id] : undefined;
    if (!id || !attribution) return null;
    let html = made.get(id);
    if (!html) made.set(id, (html = attributionHtml(attribution, entry.name, words)));
    return html;
  };
}

export type EntryHtmlOptions = {
  /** Who the entry's submission speaks for, when it speaks for others (attributionCache). */
  attribution?: AttributionHtml | null;
  original: "beside" | "hidden";
  target: boolean;
  consultationId: string;
  /** The review form is open in this entry (React renders it): no button, no own review here. */
  reviewing: boolean;
  words: EntryWords;
  redlineOf: (before: string, after: string) => RedlineSegment[];
};

/** Text with its [square-bracketed] passages marked as wording not yet agreed (PendingPassages). */
function passagesHtml(text: string, title: string): string {
  const passages = pendingPassages(text);
  if (passages.length === 1 && !passages[0]!.pending) return escapeHtml(text);
  return passages.map((p) => (p.pending ? `<span class="pending" title="${title}">${escapeHtml(p.text)}</span>` : escapeHtml(p.text))).join("");
}

/** The redline of ~/components/ui/redline: real <ins>/<del>, with words for screen readers. */
export function redlineHtml(segments: RedlineSegment[], words: EntryWords): string {
  const w = words.html;
  const lang = words.language;
  let html = "";
  for (const segment of segments) {
    if (segment.kind === "equal") {
      html += passagesHtml(segment.text, w.pendingTitle);
      continue;
    }
    const [tag, start, end] = segment.kind === "insert" ? ["ins", w.insertedStart, w.insertedEnd] : ["del", w.deletedStart, w.deletedEnd];
    html += `<${tag}><span class="visually-hidden" lang="${lang}">${start} </span>${passagesHtml(segment.text, w.pendingTitle)}<span class="visually-hidden" lang="${lang}"> ${end}</span></${tag}>`;
  }
  return `<p class="redline" lang="en" dir="auto">${html}</p>`;
}

/** Everything in an entry's <article> but the open review form. */
export function entryHtml(entry: PageEntry, options: EntryHtmlOptions): string {
  const { words, original } = options;
  const w = words.html;
  const anchor = escapeHtml(anchorOf(entry));
  const bodyLanguage = entry.bodyLanguage;
  const status = entry.status;
  const isAmendment = entry.kind === "amendment" && entry.proposedText !== null;
  const originalText = `<div class="sbs-text" lang="${bodyLanguage}" dir="${directionOf(bodyLanguage)}">${escapeHtml(entry.body)}</div>`;

  let html = `<header class="sbs-entry__header"><h4 id="${anchor}-name">`;
  if (entry.kind === "new_proposal" && entry.label) html += `<span class="sbs-entry__label" dir="ltr">${escapeHtml(entry.label)}</span> `;
  html += `${options.attribution?.heading ?? escapeHtml(entry.name)}</h4><span class="sbs-entry__meta"><a href="${escapeHtml(paths.delegationRevision(options.consultationId, entry.code, entry.revisionNumber))}" aria-describedby="${anchor}-name">${w.revision(entry.revisionNumber)}</a>`;
  if (isAmendment) html += `<span class="badge sbs-badge--amendment">${w.amendment}</span>`;
  html += "</span>";
  if (options.target) html += `<p class="sbs-entry__target">${w.target}</p>`;
  html += "</header>";
  if (options.attribution?.details) html += options.attribution.details;

  if (entry.body) {
    // The original and its translation each a group named by its label ("Original (Spanish)",
    // "Unofficial translation"): which text is which, for screen readers and for tests.
    const originalGroup = `role="group" aria-labelledby="${anchor}-original"`;
    if (status === null) {
      html += `<div class="sbs-entry__texts"><div class="sbs-entry__original" ${originalGroup}><p class="sbs-label" id="${anchor}-original">${w.inWorkingLanguage(bodyLanguage)}</p>${originalText}</div></div>`;
    } else {
      html += `<div class="sbs-entry__texts sbs-entry__texts--${original}"><div class="sbs-entry__translation" lang="en" dir="ltr" role="group" aria-labelledby="${anchor}-translation"><p class="sbs-label" lang="${words.language}" dir="${words.dir}"><span id="${anchor}-translation">${w.unofficial}</span>`;
      if (entry.translation?.machineAssisted) html += `<span class="badge sbs-badge--machine">${w.machineAssisted}</span>`;
      if (status !== "final") html += `<span class="badge sbs-status sbs-status--${status}">${w.status(status)}</span>`;
      html += "</p>";
      html += entry.translation?.body
        ? `<div class="sbs-text">${escapeHtml(entry.translation.body)}</div>`
        : `<p class="empty" lang="${words.language}" dir="${words.dir}">${w.notTranslated}</p>`;
      html += "</div>";
      html +=
        original === "hidden"
          ? `<details class="sbs-entry__original"><summary>${w.showOriginal(bodyLanguage)}</summary>${originalText}</details>`
          : `<div class="sbs-entry__original" ${originalGroup}><p class="sbs-label" id="${anchor}-original">${w.original(bodyLanguage)}</p>${originalText}</div>`;
      html += "</div>";
    }
  }

  if (isAmendment) {
    html += `<div class="sbs-entry__amendment" role="group" aria-labelledby="${anchor}-amendment"><p class="sbs-label" id="${anchor}-amendment">${w.amendment}</p>`;
    if (entry.proposedText === "") html += `<p class="sbs-deletion">${w.amendmentDeletion}</p>`;
    // Proposed from a copy of the circulated English wording, as in the editor.
    html += `<p class="muted sbs-legend">${w.amendmentLegend}</p><div class="redline-box" dir="ltr">${redlineHtml(options.redlineOf(entry.baseText ?? "", entry.proposedText ?? ""), words)}</div>`;
    const translated = entry.translation?.proposedText;
    if (translated && translated !== entry.proposedText) {
      html += `<p class="sbs-label">${w.amendmentTranslation}</p><div class="sbs-text" lang="en" dir="ltr">${escapeHtml(translated)}</div>`;
    }
    html += "</div>";
  }

  return html + reviewHtml(entry, anchor, options);
}

/**
 * The tags others gave the entry, the reader's own tag and note, and the button that opens the
 * page's one review form here: without JavaScript it submits the page's GET form
 * (`?review=<commentId>#sbs-review`), and the server renders the form in this entry.
 */
function reviewHtml(entry: PageEntry, anchor: string, options: EntryHtmlOptions): string {
  const w = options.words.html;
  let tags = "";
  if (entry.tags.length) {
    tags = `<p class="sbs-review__tags"><span class="sbs-label">${w.tagsTitle}</span> `;
    entry.tags.forEach((r, index) => {
      const by = w.taggedBy(r.tag).replace(NAME_SLOT, `<bdi>${escapeHtml(r.reviewerName.replace(/[\u2066-\u2069]/g, ""))}</bdi>`);
      tags += `<span class="badge sbs-tag sbs-tag--${r.tag}">${index > 0 ? " " : ""}${by}</span>`;
    });
    tags += "</p>";
  }
  if (options.reviewing) return tags ? `<div class="sbs-review">${tags}</div>` : "";
  const decided = entry.disposition;
  let disposition = "";
  if (decided) {
    // Shared by the secretariat and the chairs (a review is each reader's own): shown to every reader of the page.
    disposition = `<div class="sbs-disposition" role="group" aria-labelledby="${anchor}-disposition"><p class="sbs-label"><span id="${anchor}-disposition">${w.dispositionTitle}</span><span class="badge sbs-disposition__value sbs-disposition--${decided.disposition}">${w.disposition(decided.disposition)}</span></p>`;
    if (decided.observation)
      disposition += `<p class="sbs-disposition__observation"><span class="sbs-label">${w.observation}</span> ${escapeHtml(decided.observation)}</p>`;
    disposition += "</div>";
  }
  const mine = entry.myReview;
  let own = "";
  if (mine) {
    own = `<p class="sbs-label"><span id="${anchor}-mine">${w.reviewTitle}</span><span class="badge sbs-tag${mine.tag ? ` sbs-tag--${mine.tag}` : ""}">${mine.tag ? w.tag(mine.tag) : w.noTag}</span></p>`;
    if (mine.note) own += `<p class="sbs-review__note-text"><span class="visually-hidden">${w.note} </span>${escapeHtml(mine.note)}</p>`;
  }
  const id = escapeHtml(entry.commentId);
  const button = `<button type="submit" form="${REVIEW_OPENER_ID}" name="review" value="${id}" class="button button--secondary sbs-review__open" data-review-open="${id}" aria-describedby="${anchor}-name">${mine ? w.edit : w.open}</button>`;
  // The reader's own review, when there is one, a group named "Your review".
  const mineGroup = mine ? ` role="group" aria-labelledby="${anchor}-mine"` : "";
  return `<div class="sbs-review">${disposition}${tags}<div class="sbs-review__mine"${mineGroup}>${own}${button}</div></div>`;
}
