// The compilation text, as secretariats prepare it before a negotiating session: under each agenda
// item, each circulated discussion point's text followed by every delegation's proposed wording for
// it, attributed ("Proposed by Peru:"), then the item's new proposals. In English, the working
// language: the secretariat's translation where the original is another language ("[Original:
// Spanish]"); while none exists, the original itself with a mark. Pure: the side-by-side views in
// (getCommentResolution), a model of paragraphs out, which compilation-text-docx.ts lays out.
import type { Language } from "~/i18n/languages";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import type { DeskStatus } from "~/lib/translation-segments";
import { alignmentSentence, groupInRunningText, type CrpNamedDelegation } from "./crp";
import { englishList } from "~/lib/note-verbale";
import { paragraphsOf } from "./non-paper";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The parts of a side-by-side entry the compilation reads (see getSideBySide). */
export type CompilationEntry = {
  /** The submission it belongs to: its group, co-sponsors and aligned delegations are the view's `attributions`. */
  submissionId?: string;
  kind: "general" | "point" | "amendment" | "new_proposal";
  label: string | null;
  delegation: DelegationNames;
  /** The language each field is written in, judged from the text (null: nothing to translate). */
  languages: { body: Language | null; proposedText: Language | null };
  needs: { body: boolean; proposedText: boolean };
  body: string;
  proposedText: string | null;
  translationStatus: DeskStatus | null;
  translation: { body: string; proposedText: string | null } | null;
};

/** One agenda item's side-by-side view, unfiltered, its delegations in English order. */
export type CompilationView = {
  item: { number: string | null; heading: string | null; title: string; introduction: string | null } | null;
  points: { label: string; text: string; entries: CompilationEntry[] }[];
  proposals: CompilationEntry[];
  /** Who a submission speaks for besides its delegation (issue 19), by submission; the view's order of names is kept. */
  attributions?: Record<string, CompilationAttribution>;
};

type AttributedName = DelegationNames & { code: string; kind: string };

/** The parts of a submission's attribution the compilation writes (see getSideBySide). */
export type CompilationAttribution = {
  group: { nameEn: string } | null;
  cosponsors: AttributedName[];
  aligned: AttributedName[];
};

/** A delegation's wording: who proposed it, the marks after the attribution, the text in its language. */
export type CompilationProposal = {
  /** "Proposed by Peru:" */
  attribution: string;
  /** "[Original: Spanish]", and "[Translation pending]" when the text below is the original. */
  marks: string[];
  /** A new proposal's own label ("(a)"); null under a point. */
  label: string | null;
  paragraphs: string[];
  /** The language of the paragraphs: English, or the original's while its translation is pending. */
  language: Language;
};

export type CompilationItem = {
  /** "Agenda item 2", or the item's own title when it has no number. */
  heading: { label: string | null; text: string };
  /** The item's title under "Agenda item N"; null when the title is already the heading. */
  subheading: { label: string | null; text: string } | null;
  introduction: string[];
  points: { label: string; paragraphs: string[]; proposals: CompilationProposal[] }[];
  newProposals: CompilationProposal[];
};

export type CompilationText = {
  title: string;
  subtitle: string;
  /** "New proposals", the heading of each item's new proposals. */
  newProposalsHeading: string;
  items: CompilationItem[];
};

/** A translation counts once drafted or final; an outdated one translates another wording. */
const TRANSLATED: ReadonlySet<DeskStatus> = new Set(["draft", "final"]);

/** One field of an entry as the compilation writes it: its English, or its original with the marks. */
function proposalOf(entry: CompilationEntry, field: "body" | "proposedText", t: Translate): Omit<CompilationProposal, "attribution" | "label"> {
  const text = entry[field] ?? "";
  if (!entry.needs[field]) return { marks: [], paragraphs: paragraphsOf(text), language: "en" };
  const language = entry.languages[field] ?? "en";
  const original = t("consolidation:exports.resolution.original", { language: t(`common:languageNames.${language}`) });
  const translated = entry.translationStatus && TRANSLATED.has(entry.translationStatus) ? entry.translation?.[field] : null;
  if (translated?.trim()) return { marks: [original], paragraphs: paragraphsOf(translated), language: "en" };
  return { marks: [original, t("consolidation:exports.translationPending")], paragraphs: paragraphsOf(text), language };
}

/**
 * "Proposed by Peru:"; for a joint submission "Proposed by Egypt on behalf of the Group of African
 * States, jointly with Chile and Peru:", as the CRP names it (co-sponsors in English order).
 */
function attribution(entry: CompilationEntry, attributions: CompilationView["attributions"], t: Translate): string {
  const a = entry.submissionId ? attributions?.[entry.submissionId] : undefined;
  const cosponsors = sortedEnglish(a?.cosponsors ?? []);
  const speaker = [delegationName(entry.delegation, "en"), ...(a?.group ? [`on behalf of ${groupInRunningText(a.group.nameEn)}`] : [])].join(" ");
  const delegation = cosponsors.length ? `${speaker}, jointly with ${englishList(cosponsors)}` : speaker;
  return t("consolidation:exports.compilation.proposedBy", { delegation });
}

function sortedEnglish(delegations: AttributedName[]): string[] {
  return delegations.map((d) => delegationName(d, "en")).sort((a, b) => a.localeCompare(b, "en"));
}

/** The States aligned with the submission, a sentence after the marks ("The following State aligned itself …"). */
function alignedMarks(entry: CompilationEntry, attributions: CompilationView["attributions"]): string[] {
  const aligned = (entry.submissionId ? attributions?.[entry.submissionId]?.aligned : undefined) ?? [];
  const sentence = alignmentSentence(aligned.map((d) => ({ code: d.code, kind: d.kind as CrpNamedDelegation["kind"], name: delegationName(d, "en") })));
  return sentence ? [sentence] : [];
}

/** An amendment's proposed wording; an empty one proposes deleting the point. */
function amendmentOf(entry: CompilationEntry, attributions: CompilationView["attributions"], t: Translate): CompilationProposal {
  const wording =
    entry.proposedText?.trim() === ""
      ? { marks: [], paragraphs: [t("consolidation:exports.compilation.deletion")], language: "en" as Language }
      : proposalOf(entry, "proposedText", t);
  return { attribution: attribution(entry, attributions, t), label: null, ...wording, marks: [...wording.marks, ...alignedMarks(entry, attributions)] };
}

function itemOf(view: CompilationView & { item: NonNullable<CompilationView["item"]> }, t: Translate): CompilationItem {
  const { item } = view;
  const titleHeading = { label: item.heading ? `${item.heading.replace(/\.$/, "")}.` : null, text: item.title };
  return {
    heading: item.number ? { label: null, text: t("consolidation:sideBySide.agendaItem", { number: item.number }) } : titleHeading,
    subheading: item.number ? titleHeading : null,
    introduction: item.introduction ? paragraphsOf(item.introduction) : [],
    points: view.points.map((point) => ({
      label: point.label,
      paragraphs: paragraphsOf(point.text),
      // Comments without a wording are the comment-resolution table's; here only what would change the text.
      proposals: point.entries.filter((e) => e.kind === "amendment" && e.proposedText !== null).map((e) => amendmentOf(e, view.attributions, t)),
    })),
    newProposals: view.proposals
      .filter((e) => e.kind === "new_proposal")
      .map((e) => {
        const wording = proposalOf(e, "body", t);
        return {
          attribution: attribution(e, view.attributions, t),
          label: e.label,
          ...wording,
          marks: [...wording.marks, ...alignedMarks(e, view.attributions)],
        };
      }),
  };
}

/**
 * The compilation text of a consultation from every agenda item's side-by-side view, in the views'
 * order (agenda order; the delegations in English order, as getCommentResolution reads them). `t`
 * is the English translator: the document is in the working language whoever downloads it. Items
 * with neither circulated points nor new proposals are left out.
 */
export function buildCompilationText(consultation: { title: string }, views: CompilationView[], t: Translate): CompilationText {
  return {
    title: t("consolidation:exports.compilation.title"),
    subtitle: consultation.title,
    newProposalsHeading: t("consolidation:exports.compilation.newProposals"),
    items: views.flatMap((view) =>
      view.item && (view.points.length > 0 || view.proposals.some((e) => e.kind === "new_proposal")) ? [itemOf({ ...view, item: view.item }, t)] : [],
    ),
  };
}
