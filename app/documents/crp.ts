// The conference room paper (CRP) that compiles the comments received, as a document model (DESIGN.md
// §4): what the DOCX, the HTML preview, the PDF and the Markdown all render, so they say the same words.
// Pure: plain data in, model out; no clock, no database. The document is in the working language,
// English. A final compilation refuses to be built while a translation or a fact of the masthead is
// missing; a draft is built anyway, with the gaps marked in the text.

import { directionOf, isLanguage, type Direction, type Language } from "~/i18n/languages";
import { formatCalendarRange } from "~/lib/dates";
import { escapeHtml } from "~/lib/html-escape";
import { englishList, unDate, unDateSpan, type MeetingFormat } from "~/lib/note-verbale";
import { formatDateIn, paragraphsOf } from "./non-paper";

export type CrpCommentKind = "general" | "point" | "amendment" | "new_proposal";
export type CrpParticipation = "state_party" | "signatory" | "observer";
export type CrpDelegationKind =
  "member_state" | "observer_state" | "non_member_state" | "regional_economic_integration_organization" | "intergovernmental_organization";

/**
 * The secretariat's unofficial translation of one comment into English. `outdated`: the original was
 * revised after it was translated (see translation-segments.ts); `missing`: nobody has started it.
 */
export type CrpTranslation = { status: "missing" } | { status: "draft" | "final" | "outdated"; body: string; proposedText: string | null };

export interface CrpCommentData {
  id: string;
  kind: CrpCommentKind;
  agendaItemId: string;
  /** The discussion point of a `point` or `amendment` comment; null otherwise. */
  pointId: string | null;
  /** A new proposal's own label, "(a)"; generated in order when missing. */
  label: string | null;
  /** Order among the delegation's comments of the same kind (comments.position). */
  position: number;
  /**
   * What the delegation wrote, in its language. `proposedText`: an amendment's whole new wording.
   * `bodyLanguage` / `proposedTextLanguage`: the language that field is actually written in, when
   * it is not the submission's (see field-language.ts); "en" for a field reproduced as written
   * (English wording proposed in a Chinese submission, or a text without letters).
   */
  original: { language: Language; body: string; proposedText: string | null; bodyLanguage?: Language; proposedTextLanguage?: Language };
  /** Needed when a field of the original is not in English; absent means missing. */
  translation?: CrpTranslation;
}

export interface CrpDelegationData {
  code: string;
  /** UN short name in English, without article: "United States of America". */
  name: string;
  kind: CrpDelegationKind;
  /** How it takes part in the session (registrations.participation). */
  participation: CrpParticipation;
  /** Only submissions that count: on time, or late and accepted by the secretariat. */
  timeliness: "on_time" | "late_accepted";
  /** The language of its submission (submission_revisions.language). */
  language: Language;
  /** The comments of its current revision, any order. */
  comments: CrpCommentData[];
  /**
   * Issue 19: the group the submission was made on behalf of, its English name as stored ("Group of
   * African States"). Absent when none (and in data read before groups existed: the digest of such
   * data stays the same).
   */
  onBehalfOf?: { code: string; name: string };
  /** Co-sponsors that confirmed the submission and have not withdrawn; absent when none. */
  cosponsors?: CrpNamedDelegation[];
  /** Delegations aligned with the submission (not withdrawn); absent when none. */
  aligned?: CrpNamedDelegation[];
}

/** A delegation named beside a submission's own: a co-sponsor, an aligned delegation. */
export interface CrpNamedDelegation {
  code: string;
  /** UN short name in English, without article. */
  name: string;
  kind: CrpDelegationKind;
}

export interface CrpAgendaItemData {
  id: string;
  /** "2"; null for a section such as "General recommendations". */
  number: string | null;
  /** The letter of the item's heading in the source ("A"), if any. */
  heading: string | null;
  title: string;
  /**
   * The sentence introducing the points as circulated ("The Working Group may wish to consider …"):
   * it replaces the standard sentence of the CRP when given.
   */
  introduction: string | null;
  /** The points in order, in the wording last circulated. */
  points: { id: string; label: string; text: string }[];
}

/** The paragraphs of section I, by what they state (also the keys of `introductionOverrides`). */
export type CrpIntroductionKey = "session" | "purpose" | "approval" | "received" | "late" | "translations" | "presentation";

/** What a CRP is compiled from: one consultation, its meeting, agenda items and the comments that count. */
export interface CrpData {
  meeting: {
    body: string;
    parentBody: string | null;
    /**
     * The originating meeting's session (meetings.session): "Twelfth session", "Tenth meeting", or a
     * year ("2020"), which the dates already say. Absent in data kept before it was read.
     */
    session?: string | null;
    venue: string;
    /** "YYYY-MM-DD" */
    startDate: string;
    endDate: string;
    format: MeetingFormat;
    /** IANA zone of the meeting: circulation and deadline are dated on its clock. */
    timeZone: string;
  };
  consultation: {
    /** The non-paper's title, "Discussion points for future consideration". */
    title: string;
    crpSymbol: string | null;
    /** "Tenth session" */
    parentSession: string | null;
    parentSessionVenue: string | null;
    parentSessionStartDate: string | null;
    parentSessionEndDate: string | null;
    parentAgendaItemNumber: string | null;
    parentAgendaItemTitle: string | null;
    /** "CTOC/COP/2020/1", the footnote of the agenda item line. */
    provisionalAgendaSymbol: string | null;
    /** "YYYY-MM-DD" */
    reflectionApprovedOn: string | null;
    /** "silence procedure" */
    reflectionApprovalMethod: string | null;
    circulatedAt: Date | string | null;
    deadline: Date | string | null;
    /**
     * The secretariat's own words on why the points were circulated instead of negotiated
     * (consultations.introduction_note), paragraphs separated by a blank line; null for the standard text.
     */
    introductionNote: string | null;
  };
  /** Replaces a generated paragraph of the introduction; an empty string leaves it out. */
  introductionOverrides?: Partial<Record<CrpIntroductionKey, string>>;
  /** The date of issue, "YYYY-MM-DD" on the meeting's clock. */
  issuedOn: string;
  agendaItems: CrpAgendaItemData[];
  /** Delegations whose submission counts, any order. */
  delegations: CrpDelegationData[];
}

/** A paragraph and the language it is in: English, or an original left untranslated in a draft. */
export interface CrpParagraph {
  /** Without its label, when it has one. */
  text: string;
  language: Language;
  dir: Direction;
  /**
   * The label of a delegation's own lettered or numbered paragraph ("(a)", "(iv)", "1."), set off so
   * that every rendering hangs it as the points' labels hang; English text only. Absent in models
   * saved before it was set off (the label is then still at the start of `text`).
   */
  label?: string;
}

/** Some text of a delegation, with the mark of a draft where its translation is not final. */
export interface CrpText {
  mark: string | null;
  paragraphs: CrpParagraph[];
}

export type CrpBlock =
  /** "General comments", "Discussion point (a)", "New proposals". */
  | { kind: "subheading"; text: string }
  | { kind: "text"; text: CrpText }
  /** An amendment's wording: "Proposed wording for discussion point (c):" and the text, set off. */
  | { kind: "proposed_wording"; lead: string; text: CrpText }
  /** A new proposal under its own label. */
  | { kind: "labelled"; label: string; text: CrpText };

export interface CrpDelegationSection {
  code: string;
  name: string;
  /**
   * Issue 19: the heading of a submission made for others ("Submitted by Egypt on behalf of the Group
   * of African States", "Submitted by Egypt and Peru"); absent, the name heads the section (and in
   * versions compiled before groups existed).
   */
  heading?: string;
  /** "[Original: Spanish]" above a translated submission; null for one in English, or when left out. */
  original: string | null;
  /** Issue 19: "The following States aligned themselves with the submission: Morocco and Tunisia."; absent when none. */
  alignment?: string;
  blocks: CrpBlock[];
}

export interface CrpHeading {
  label: string | null;
  text: string;
}

export interface CrpItemSection {
  /** "A." + "Agenda item 2", or "A." + the title of an unnumbered section. */
  heading: CrpHeading;
  /** The item's title under "Agenda item N"; null when the title is the heading. */
  title: string | null;
  /** The item's own introduction of its points, else the standard sentence. */
  introduction: string[];
  points: { label: string; paragraphs: string[] }[];
  /** In English alphabetical order of names. */
  delegations: CrpDelegationSection[];
  /** "No comments were received …" when nobody commented on the item. */
  notice: string | null;
}

/** What a final compilation still lacks, or what a draft marks. */
export type CrpMissing =
  | {
      kind: "translation";
      commentId: string;
      delegationCode: string;
      delegationName: string;
      /** "Agenda item 2" or the title of an unnumbered section. */
      agendaItem: string;
      /** The point's label, or the new proposal's; null for a general comment. */
      label: string | null;
      commentKind: CrpCommentKind;
      language: Language;
      status: "missing" | "draft" | "outdated";
    }
  | { kind: "fact"; field: CrpFactField; description: string };

export type CrpFactField =
  | "crpSymbol"
  | "parentSession"
  | "parentSessionVenue"
  | "parentSessionDates"
  | "parentAgendaItem"
  | "provisionalAgendaSymbol"
  | "reflectionApproval"
  | "circulatedAt"
  | "deadline";

export interface CrpModel {
  language: "en";
  final: boolean;
  /**
   * Whether each translated delegation's comments carry "[Original: …]" (a choice of the compile
   * form); absent in models saved before the choice existed, which all carry it.
   */
  originalLines?: boolean;
  /** "Draft – not for issue" on a draft, on every page; null on the final one. */
  draftMark: string | null;
  masthead: {
    symbol: string;
    /** The date of issue, "9 October 2020". */
    date: string;
    /** The same date as data, "2020-10-09" (models saved before it was kept lack it). */
    issuedOn?: string;
    /** "English only" */
    languageLine: string;
    /** The parent body, "Conference of the Parties to …". */
    body: string;
    /** "Tenth session" */
    session: string;
    /** "Vienna, 12–16 October 2020" */
    venueAndDates: string;
    /** "Item 4 of the provisional agenda", followed by the footnote marker. */
    agendaItem: string;
    footnoteMarker: string;
    agendaItemTitle: string;
  };
  /** The footnote of the agenda item line: "CTOC/COP/2020/1." */
  footnote: { marker: string; text: string };
  title: string;
  /** "Note by the Secretariat" */
  subtitle: string;
  introduction: { heading: CrpHeading; paragraphs: { number: number; key: CrpIntroductionKey; text: string }[] };
  comments: { heading: CrpHeading; items: CrpItemSection[] };
  /** What the draft marks (always empty on a final one). */
  pending: CrpMissing[];
  /** "CTOC-COP-2020-CRP.5", "-draft" on a draft: the name of the exported files, without extension. */
  fileBase: string;
}

export type CrpResult = { ok: true; model: CrpModel } | { ok: false; missing: CrpMissing[] };

export const CRP_DRAFT_MARK = "Draft – not for issue";
export const TRANSLATION_PENDING = "[Translation pending: original reproduced below]";
export const TRANSLATION_DRAFT = "[Draft translation]";
export const TRANSLATION_OUTDATED = "[Translation outdated: the original has been revised]";
/** The line above a translated delegation's comments, as the compile form names it. */
export const ORIGINAL_LINE = "[Original: …]";

const WORKING_LANGUAGE: Language = "en";

export const LANGUAGE_NAMES: Record<Language, string> = {
  ar: "Arabic",
  zh: "Chinese",
  en: "English",
  fr: "French",
  ru: "Russian",
  es: "Spanish",
};

const FACT_DESCRIPTIONS: Record<CrpFactField, string> = {
  crpSymbol: "the symbol of the conference room paper",
  parentSession: "the session of the parent body",
  parentSessionVenue: "the venue of that session",
  parentSessionDates: "the dates of that session",
  parentAgendaItem: "the item of its provisional agenda (number and title)",
  provisionalAgendaSymbol: "the symbol of the provisional agenda",
  reflectionApproval: "how and when the reflection period was approved",
  circulatedAt: "the date of circulation",
  deadline: "the deadline for comments",
};

const PLACEHOLDERS: Record<CrpFactField, string> = {
  crpSymbol: "[CRP symbol]",
  parentSession: "[Session]",
  parentSessionVenue: "[Venue]",
  parentSessionDates: "[dates]",
  parentAgendaItem: "[N]",
  provisionalAgendaSymbol: "[provisional agenda symbol]",
  reflectionApproval: "[date of approval]",
  circulatedAt: "[date of circulation]",
  deadline: "[deadline]",
};

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Sorts names as an English index does: "Côte d’Ivoire" among the C's, "Türkiye" among the T's. */
export function compareEnglishNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * The model of the CRP; for a final one, the list of what is missing instead when anything is.
 * `originalLines: false` leaves out the "[Original: …]" line above each translated delegation's
 * comments (section I already says which were translated from which language).
 */
export function buildCrpModel(data: CrpData, options: { final: boolean; originalLines?: boolean }): CrpResult {
  const { meeting, consultation } = data;
  const originalLines = options.originalLines ?? true;
  const missing: CrpMissing[] = [];
  const fact = (field: CrpFactField, value: string | null | undefined): string => {
    const text = value?.trim();
    if (text) return text;
    if (!missing.some((m) => m.kind === "fact" && m.field === field)) {
      missing.push({ kind: "fact", field, description: FACT_DESCRIPTIONS[field] });
    }
    return PLACEHOLDERS[field];
  };

  // Masthead, in the order of a UN document's first page.
  const symbol = fact("crpSymbol", consultation.crpSymbol);
  const session = fact("parentSession", consultation.parentSession);
  const venue = fact("parentSessionVenue", consultation.parentSessionVenue);
  const sessionDates =
    consultation.parentSessionStartDate && consultation.parentSessionEndDate
      ? formatCalendarRange(consultation.parentSessionStartDate, consultation.parentSessionEndDate, "en")
      : fact("parentSessionDates", null);
  const itemNumber = fact("parentAgendaItem", consultation.parentAgendaItemNumber);
  const itemTitle = consultation.parentAgendaItemTitle?.trim() || (fact("parentAgendaItem", null), "[Title of the agenda item]");
  const agendaSymbol = fact("provisionalAgendaSymbol", consultation.provisionalAgendaSymbol);
  const approvedOn = consultation.reflectionApprovedOn ? unDate(consultation.reflectionApprovedOn, "") : "";
  const approvalMethod = consultation.reflectionApprovalMethod?.trim() ?? "";
  if (!approvedOn || !approvalMethod) fact("reflectionApproval", null);
  const circulatedOn = consultation.circulatedAt ? formatDateIn(consultation.circulatedAt, meeting.timeZone) : fact("circulatedAt", null);
  const deadlineOn = consultation.deadline ? formatDateIn(consultation.deadline, meeting.timeZone) : fact("deadline", null);

  // The comments, item by item: the translations they need are checked on the way.
  const delegations = [...data.delegations].sort((a, b) => compareEnglishNames(a.name, b.name) || a.code.localeCompare(b.code));
  const included = data.agendaItems.filter((item) => item.points.length > 0 || delegations.some((d) => d.comments.some((c) => c.agendaItemId === item.id)));
  const lettered = included.every((item) => item.heading?.trim());
  const translatedFrom = new Map<string, Set<Language>>();
  const items = included.map((item, index) => {
    const label = `${lettered ? item.heading!.trim().replace(/\.$/, "") : String.fromCharCode(65 + (index % 26))}.`;
    const itemName = item.number ? `Agenda item ${item.number}` : item.title;
    const where = item.number ? `agenda item ${item.number}` : `the heading “${item.title}”`;
    const pointIndex = new Map(item.points.map((point, i) => [point.id, i]));
    const sections: CrpDelegationSection[] = [];
    for (const delegation of delegations) {
      const comments = delegation.comments.filter((c) => c.agendaItemId === item.id);
      if (!comments.length) continue;
      // The languages this section's texts are translated from: "[Original: …]".
      const sectionLanguages = new Set<Language>();
      const text = (comment: CrpCommentData, part: "body" | "proposedText", label: string | null): CrpText | null => {
        const original = part === "body" ? comment.original.body : (comment.original.proposedText ?? "");
        if (!original.trim()) return null;
        // Each field in the language it is written in: English wording is reproduced, not translated.
        const language = (part === "body" ? comment.original.bodyLanguage : comment.original.proposedTextLanguage) ?? comment.original.language;
        if (language === WORKING_LANGUAGE) return { mark: null, paragraphs: english(original) };
        sectionLanguages.add(language);
        const languages = translatedFrom.get(delegation.code) ?? new Set<Language>();
        languages.add(language);
        translatedFrom.set(delegation.code, languages);
        const translation = comment.translation ?? { status: "missing" as const };
        const translated = translation.status === "missing" ? "" : part === "body" ? translation.body : (translation.proposedText ?? "");
        const status = translation.status === "final" && !translated.trim() ? "missing" : translation.status;
        if (status !== "final") {
          const entry: CrpMissing = {
            kind: "translation",
            commentId: comment.id,
            delegationCode: delegation.code,
            delegationName: delegation.name,
            agendaItem: itemName,
            label,
            commentKind: comment.kind,
            language,
            status,
          };
          if (!missing.some((m) => m.kind === "translation" && m.commentId === comment.id)) missing.push(entry);
        }
        if (status === "final") return { mark: null, paragraphs: english(translated) };
        if (status === "missing" || !translated.trim()) {
          return { mark: TRANSLATION_PENDING, paragraphs: inLanguage(original, language) };
        }
        return { mark: status === "draft" ? TRANSLATION_DRAFT : TRANSLATION_OUTDATED, paragraphs: english(translated) };
      };

      const blocks: CrpBlock[] = [];
      const byPosition = (a: CrpCommentData, b: CrpCommentData) => a.position - b.position;
      const general = comments.filter((c) => c.kind === "general").sort(byPosition);
      const onPoints = comments
        .filter((c) => (c.kind === "point" || c.kind === "amendment") && c.pointId !== null && pointIndex.has(c.pointId))
        .sort((a, b) => pointIndex.get(a.pointId!)! - pointIndex.get(b.pointId!)! || (a.kind === b.kind ? 0 : a.kind === "point" ? -1 : 1) || byPosition(a, b));
      const proposals = comments.filter((c) => c.kind === "new_proposal").sort(byPosition);

      const generalTexts = general.map((c) => text(c, "body", null)).filter((t): t is CrpText => t !== null);
      if (generalTexts.length && (onPoints.length || proposals.length)) blocks.push({ kind: "subheading", text: "General comments" });
      for (const t of generalTexts) blocks.push({ kind: "text", text: t });

      let currentPoint: string | null = null;
      for (const comment of onPoints) {
        const point = item.points[pointIndex.get(comment.pointId!)!]!;
        const pointName = discussionPointName(point.label);
        const pieces: CrpBlock[] = [];
        const body = text(comment, "body", point.label);
        if (body) pieces.push({ kind: "text", text: body });
        if (comment.kind === "amendment") {
          const wording = text(comment, "proposedText", point.label);
          if (wording) pieces.push({ kind: "proposed_wording", lead: `Proposed wording for ${lowerFirst(pointName)}:`, text: wording });
        }
        if (!pieces.length) continue;
        if (currentPoint !== point.id) blocks.push({ kind: "subheading", text: pointName });
        currentPoint = point.id;
        blocks.push(...pieces);
      }

      const proposalBlocks: CrpBlock[] = [];
      proposals.forEach((comment, i) => {
        const own = comment.label?.trim() || `(${letterLabel(i)})`;
        const body = text(comment, "body", own);
        if (body) proposalBlocks.push({ kind: "labelled", label: own, text: body });
      });
      if (proposalBlocks.length) blocks.push({ kind: "subheading", text: "New proposals" }, ...proposalBlocks);

      if (!blocks.length) continue;
      const languages = sortLanguages([...sectionLanguages]);
      const heading = submittedBy(delegation);
      const alignment = alignmentSentence(delegation.aligned ?? []);
      sections.push({
        code: delegation.code,
        name: delegation.name,
        ...(heading ? { heading } : {}),
        original: originalLines && languages.length ? `[Original: ${englishList(languages.map((l) => LANGUAGE_NAMES[l]))}]` : null,
        ...(alignment ? { alignment } : {}),
        blocks,
      });
    }
    return {
      heading: { label, text: itemName },
      title: item.number ? item.title : null,
      // The item's own introduction of its points replaces the standard sentence.
      introduction: !item.points.length
        ? [`No discussion points were circulated under ${where}.`]
        : item.introduction?.trim()
          ? paragraphsOf(item.introduction)
          : [`The discussion points under ${where}, as circulated, read as follows:`],
      points: item.points.map((point) => ({ label: point.label, paragraphs: paragraphsOf(point.text) })),
      delegations: sections,
      notice: sections.length ? null : `No comments were received on the discussion points under ${where}.`,
    } satisfies CrpItemSection;
  });

  // Section I: the facts, in the order they happened.
  const parentShort = meeting.parentBody ? shortBodyName(meeting.parentBody) : meeting.body;
  const bodyInText = inRunningText(meeting.body);
  const held = heldPhrase(meeting);
  // "the twelfth session of the Working Group … held in Vienna on 9 and 10 July 2020": title and section II.
  const sessionName = sessionInRunningText(meeting.session) ?? "meeting";
  const origin = `arising from the ${sessionName} of the ${meeting.body.trim()} held ${held.replace(/,.*$/, "")}`;
  const onTime = delegations.filter((d) => d.timeliness === "on_time");
  const late = delegations.filter((d) => d.timeliness === "late_accepted");
  const commented = [...onTime, ...late];
  const generated: Record<CrpIntroductionKey, string[]> = {
    session: [`The ${bodyInText} held its ${sessionName} ${held}.`],
    purpose: consultation.introductionNote?.trim()
      ? paragraphsOf(consultation.introductionNote)
      : [
          `Stemming from the meeting, the Chair, in consultation with the Secretariat, prepared discussion points for future consideration. ` +
            `Instead of being negotiated at the meeting, the discussion points were circulated to States for their written comments during a reflection period.`,
        ],
    approval: [
      `The extended Bureau of the ${parentShort} approved, through ${approvalMethod || "[method of approval]"} on ${approvedOn || PLACEHOLDERS.reflectionApproval}, ` +
        `a reflection period during which States could submit written comments on the discussion points. ` +
        `On ${circulatedOn}, the Secretariat, on behalf of the Chair, circulated the discussion points as a non-paper entitled “${consultation.title.trim()}” ` +
        `to the permanent missions of the States registered for the meeting and to the registered delegates, with a deadline for comments of ${deadlineOn}.`,
    ],
    received: [
      onTime.length
        ? `By the deadline, written comments had been received from the following ${groupNoun(onTime)}: ${englishList(onTime.map(commenterName))}.`
        : "No written comments had been received by the deadline.",
    ],
    late: late.length
      ? [
          `Comments received after the deadline from the following ${groupNoun(late)} were accepted by the Secretariat and are also reproduced below: ${englishList(late.map(commenterName))}.`,
        ]
      : [],
    translations: translatedFrom.size
      ? [
          `The comments submitted in languages other than English (${englishList(
            delegations
              .filter((d) => translatedFrom.has(d.code))
              .map((d) => `${d.name} in ${englishList(sortLanguages([...translatedFrom.get(d.code)!]).map((l) => LANGUAGE_NAMES[l]))}`),
          )}) have been translated into English by the Secretariat. These translations are unofficial.`,
        ]
      : [],
    presentation: [
      commented.length
        ? `In section II below, the discussion points are reproduced under each agenda item as circulated, followed by the comments received, ` +
          `presented in English alphabetical order of the names of the ${groupNoun(commented)} and reproduced without formal editing.`
        : "In section II below, the discussion points are reproduced under each agenda item as circulated.",
    ],
  };
  const order: CrpIntroductionKey[] = ["session", "purpose", "approval", "received", "late", "translations", "presentation"];
  let number = 0;
  const paragraphs = order.flatMap((key) => {
    const override = data.introductionOverrides?.[key];
    const texts = override === undefined ? generated[key] : paragraphsOf(override);
    return texts.map((text) => ({ number: ++number, key, text }));
  });

  if (options.final && missing.length) return { ok: false, missing };

  const everyParty = commented.length > 0 && commented.every((d) => d.participation === "state_party" && !isOrganization(d));
  const model: CrpModel = {
    language: "en",
    final: options.final,
    originalLines,
    draftMark: options.final ? null : CRP_DRAFT_MARK,
    masthead: {
      symbol,
      date: unDate(data.issuedOn, "[date of issue]"),
      issuedOn: data.issuedOn,
      languageLine: "English only",
      body: meeting.parentBody?.trim() || meeting.body,
      session,
      venueAndDates: `${venue}, ${sessionDates}`,
      agendaItem: `Item ${itemNumber} of the provisional agenda`,
      footnoteMarker: "*",
      agendaItemTitle: itemTitle,
    },
    footnote: { marker: "*", text: `${agendaSymbol.replace(/\.$/, "")}.` },
    title: `Comments received on the discussion points ${origin}`,
    subtitle: "Note by the Secretariat",
    introduction: { heading: { label: "I.", text: "Introduction" }, paragraphs },
    comments: {
      heading: {
        label: "II.",
        text: `${everyParty ? "Comments of States parties" : "Comments received"} on the discussion points ${origin}`,
      },
      items,
    },
    pending: options.final ? [] : missing,
    fileBase: `${slug(consultation.crpSymbol?.trim() || "crp")}${options.final ? "" : "-draft"}`,
  };
  return { ok: true, model };
}

// ---------------------------------------------------------------------------------------------------
// Who speaks for whom (issue 19), in the UN's phrasing: "Egypt, speaking on behalf of the Group of 77
// and China" in reports; "Submission by Egypt on behalf of the African Group" in compilations.

/** A group's name after "on behalf of": "the Group of African States", "the European Union and its member States". */
export function groupInRunningText(name: string): string {
  const trimmed = name.trim();
  return /^the\s/i.test(trimmed) ? `the ${trimmed.replace(/^the\s+/i, "")}` : `the ${trimmed}`;
}

function sortedNames(delegations: CrpNamedDelegation[]): string[] {
  return [...delegations].sort((a, b) => compareEnglishNames(a.name, b.name) || a.code.localeCompare(b.code)).map((d) => d.name);
}

/**
 * The heading of a submission made for others, null for a delegation's own: "Submitted by Egypt on
 * behalf of the Group of African States"; with co-sponsors "Submitted by Egypt and Peru" (the
 * submitting delegation first, the others in English alphabetical order); both, "Submitted by Egypt
 * on behalf of the Group of African States, jointly with Chile and Peru".
 */
export function submittedBy(delegation: Pick<CrpDelegationData, "name" | "onBehalfOf" | "cosponsors">): string | null {
  const cosponsors = sortedNames(delegation.cosponsors ?? []);
  const group = delegation.onBehalfOf;
  if (group && cosponsors.length)
    return `Submitted by ${delegation.name} on behalf of ${groupInRunningText(group.name)}, jointly with ${englishList(cosponsors)}`;
  if (group) return `Submitted by ${delegation.name} on behalf of ${groupInRunningText(group.name)}`;
  if (cosponsors.length) return `Submitted by ${englishList([delegation.name, ...cosponsors])}`;
  return null;
}

/**
 * The sentence naming the delegations aligned with a submission, null when none: "The following
 * States aligned themselves with the submission: Morocco and Tunisia." ("State … itself" for one;
 * "delegations" when an organization is among them, as an attendance paragraph would say).
 */
export function alignmentSentence(aligned: CrpNamedDelegation[]): string | null {
  if (!aligned.length) return null;
  const one = aligned.length === 1;
  const organizations = aligned.some((d) => d.kind === "regional_economic_integration_organization" || d.kind === "intergovernmental_organization");
  const noun = organizations ? (one ? "delegation" : "delegations") : one ? "State" : "States";
  return `The following ${noun} aligned ${one ? "itself" : "themselves"} with the submission: ${englishList(sortedNames(aligned))}.`;
}

/**
 * A delegation as section I lists those that commented: "Egypt (on behalf of the Group of African
 * States)", "Egypt (jointly with Peru)", or its name alone.
 */
export function commenterName(delegation: Pick<CrpDelegationData, "name" | "onBehalfOf" | "cosponsors">): string {
  const cosponsors = sortedNames(delegation.cosponsors ?? []);
  const parts = [
    ...(delegation.onBehalfOf ? [`on behalf of ${groupInRunningText(delegation.onBehalfOf.name)}`] : []),
    ...(cosponsors.length ? [`jointly with ${englishList(cosponsors)}`] : []),
  ];
  return parts.length ? `${delegation.name} (${parts.join(", ")})` : delegation.name;
}

/** "(a) ", "(iv) ", "(B) ", "a) ", "1. " at the start of a paragraph: a label to hang. */
const PARAGRAPH_LABEL = /^(\((?:[a-z]{1,2}|[ivx]{3,5}|[A-Z]|\d{1,3})\)|(?:[a-z]|\d{1,3})\)|\d{1,3}\.)[ \t]+(?=\S)/;

/**
 * English paragraphs, a delegation's own lettered or numbered ones with their label set off: a label
 * followed by a capital, or any label in a list of two or more ("(a) to update …; (b) to …"). A lone
 * "(b) is welcome" is a sentence about point (b), not a subparagraph.
 */
function english(text: string): CrpParagraph[] {
  const paragraphs = paragraphsOf(text);
  const labels = paragraphs.map((p) => PARAGRAPH_LABEL.exec(p));
  const list = labels.filter(Boolean).length >= 2;
  return paragraphs.map((p, i) => {
    const labelled = labels[i];
    return labelled && (list || /^\p{Lu}/u.test(p.slice(labelled[0].length)))
      ? { text: p.slice(labelled[0].length), language: WORKING_LANGUAGE, dir: "ltr", label: labelled[1]! }
      : { text: p, language: WORKING_LANGUAGE, dir: "ltr" };
  });
}

/** A paragraph's text with its label in front, as it reads in running text. */
export function paragraphText(p: Pick<CrpParagraph, "text" | "label">): string {
  return typeof p.label === "string" && p.label ? `${p.label} ${p.text}` : p.text;
}

function inLanguage(text: string, language: Language): CrpParagraph[] {
  return paragraphsOf(text).map((p) => ({ text: p, language, dir: directionOf(language) }));
}

/** "(a)" -> "Discussion point (a)"; "Recommendation 1" stays as it is. */
export function discussionPointName(label: string): string {
  const trimmed = label.trim().replace(/\.$/, "");
  return /^\p{L}{2,}/u.test(trimmed) ? trimmed : `Discussion point ${trimmed}`;
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * The originating meeting's session in running text: "Twelfth session" -> "twelfth session", a bare
 * ordinal ("Twelfth", "12th") -> "twelfth session". Null for a year ("2020") or anything else that is
 * not an ordinal session or meeting: the dates already say it, and the text says "the meeting".
 */
export function sessionInRunningText(session: string | null | undefined): string | null {
  const text = session?.trim().replace(/\s+/g, " ") ?? "";
  if (/\b(?:session|meeting)\b/iu.test(text) && /\p{L}{2,}/u.test(text.replace(/\b(?:session|meeting)\b/giu, ""))) {
    return lowerFirst(text).replace(/\b(?:Session|Meeting)\b/g, (word) => word.toLowerCase());
  }
  if (/^(?:\d{1,3}(?:st|nd|rd|th)|\p{L}+(?:-\p{L}+)?(?:th|st|nd|rd))$/iu.test(text)) return `${lowerFirst(text)} session`;
  return null;
}

/** a, b, …, z, aa, bb, … as UN documents letter subparagraphs. */
function letterLabel(index: number): string {
  return String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1);
}

/** "Conference of the Parties to the United Nations Convention …" -> "Conference of the Parties". */
function shortBodyName(body: string): string {
  return body.split(/ to the /)[0]!.trim();
}

/**
 * A body's name after "The" in running text: "Working Group of …" keeps its capitals; a name written in
 * sentence case ("Intergovernmental expert group established …") loses its capital.
 */
export function inRunningText(name: string): string {
  const trimmed = name.trim();
  return /^\S+\s+\p{Ll}/u.test(trimmed) ? lowerFirst(trimmed) : trimmed;
}

function heldPhrase(meeting: CrpData["meeting"]): string {
  const dates = unDateSpan(meeting.startDate, meeting.endDate);
  const venue = meeting.venue.trim() || "[venue]";
  switch (meeting.format) {
    case "in_person":
      return `in ${venue} ${dates}`;
    case "hybrid":
      return `in ${venue} ${dates}, in a hybrid format, with some participants present in the meeting room and others connected remotely`;
    case "online":
      return `online ${dates}, with all participants connected remotely`;
  }
}

function isOrganization(delegation: CrpDelegationData): boolean {
  return delegation.kind === "regional_economic_integration_organization" || delegation.kind === "intergovernmental_organization";
}

/**
 * What to call a list of delegations, as the attendance paragraphs of UN reports do: "States parties",
 * "parties" when the European Union is among them, "signatory States", "observers", else "States" or
 * "delegations". Singular for one.
 */
export function groupNoun(delegations: Pick<CrpDelegationData, "kind" | "participation">[]): string {
  const one = delegations.length === 1;
  const organizations = delegations.some((d) => isOrganization(d as CrpDelegationData));
  const all = (p: CrpParticipation) => delegations.every((d) => d.participation === p);
  if (all("state_party")) return organizations ? (one ? "party" : "parties") : one ? "State party" : "States parties";
  if (all("signatory") && !organizations) return one ? "signatory State" : "signatory States";
  if (all("observer")) return one ? "observer" : "observers";
  return organizations ? "delegations" : "States";
}

function sortLanguages(languages: Language[]): Language[] {
  return languages.sort((a, b) => LANGUAGE_NAMES[a].localeCompare(LANGUAGE_NAMES[b]));
}

/** "CTOC/COP/2020/CRP.5" -> "CTOC-COP-2020-CRP.5": safe in a file name and a header. */
function slug(value: string): string {
  return value
    .replace(/[\s/\\]+/g, "-")
    .replace(/[^A-Za-z0-9._-]/g, "")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
}

// ---------------------------------------------------------------------------------------------------
// Plain renderings of the model: Markdown (the text export) and HTML (the preview, and the page
// Chromium prints as PDF). Both escape everything that comes from data.

/** What heads a delegation's section: a joint submission's "Submitted by …", else the name (every version before issue 19). */
export function sectionHeading(section: Pick<CrpDelegationSection, "name" | "heading">): string {
  return typeof section.heading === "string" && section.heading ? section.heading : section.name;
}

/** Backslash-escapes what Markdown would otherwise read as markup; a single line break stays a break. */
function md(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) =>
      line
        .replace(/[\\`*_<>|]/g, (c) => `\\${c}`)
        .replace(/&(?=[#A-Za-z0-9]+;)/g, "\\&")
        .replace(/\[(?=[^\]]*\]\s*[([:])/g, "\\[")
        .replace(/^(\s*)([#>+\-=~])/, "$1\\$2")
        .replace(/^(\s*\d+)([.)])/, "$1\\$2"),
    )
    .join("\\\n");
}

function mdText(text: CrpText, prefix = ""): string[] {
  const out: string[] = [];
  if (text.mark) out.push(`**${md(text.mark)}**`);
  text.paragraphs.forEach((p) => out.push(prefix + md(paragraphText(p))));
  return out;
}

/** The CRP as Markdown: paragraphs separated by blank lines, headings with their UN labels. */
export function crpToMarkdown(model: CrpModel): string {
  const out: string[] = [];
  if (model.draftMark) out.push(`**${md(model.draftMark)}**`);
  const m = model.masthead;
  out.push(md(m.symbol), md(m.date), md(m.languageLine), `**${md(m.body)}**`, md(m.session), md(m.venueAndDates));
  out.push(`${md(m.agendaItem)}${md(m.footnoteMarker)}`, `**${md(m.agendaItemTitle)}**`);
  out.push(`# ${md(model.title)}`, `**${md(model.subtitle)}**`);
  const heading = (level: number, h: CrpHeading) => `${"#".repeat(level)} ${h.label ? `${md(h.label)} ` : ""}${md(h.text)}`;
  out.push(heading(2, model.introduction.heading));
  for (const p of model.introduction.paragraphs) out.push(`${p.number}. ${md(p.text)}`);
  out.push(heading(2, model.comments.heading));
  for (const item of model.comments.items) {
    out.push(heading(3, item.heading));
    if (item.title) out.push(`**${md(item.title)}**`);
    item.introduction.forEach((p) => out.push(md(p)));
    for (const point of item.points) {
      point.paragraphs.forEach((p, i) => out.push(i === 0 ? `${md(point.label)} ${md(p)}` : md(p)));
    }
    if (item.notice) out.push(md(item.notice));
    for (const delegation of item.delegations) {
      out.push(`#### ${md(sectionHeading(delegation))}`);
      if (delegation.original) out.push(md(delegation.original));
      if (typeof delegation.alignment === "string" && delegation.alignment) out.push(md(delegation.alignment));
      for (const block of delegation.blocks) {
        if (block.kind === "subheading") out.push(`*${md(block.text)}*`);
        else if (block.kind === "text") out.push(...mdText(block.text));
        else if (block.kind === "proposed_wording") out.push(md(block.lead), ...mdText(block.text, "> "));
        else {
          const [first, ...rest] = mdText(block.text);
          if (block.text.mark) out.push(first!, ...rest.map((p, i) => (i === 0 ? `${md(block.label)} ${p}` : p)));
          else out.push(`${md(block.label)} ${first ?? ""}`, ...rest);
        }
      }
    }
  }
  out.push("---", `${md(model.footnote.marker)} ${md(model.footnote.text)}`);
  return `${out.join("\n\n")}\n`;
}

const html = escapeHtml;

/** Text with its line breaks kept. */
function htmlLines(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map(html)
    .join("<br>");
}

/**
 * ` lang="…" dir="…"` for text not in English. Only one of the six language codes is written, with
 * that language's own direction: a saved model is data (an imported archive), and its strings are
 * never written into an attribute as they are.
 */
function langAttributes(language: unknown): string {
  if (!isLanguage(language) || language === "en") return "";
  return ` lang="${language}" dir="${directionOf(language)}"`;
}

/**
 * A paragraph; a delegation's own labelled one hangs its label as a point does (`hang`), or keeps it
 * in line in a quoted wording, as Word does.
 */
function htmlParagraph(p: CrpParagraph, attributes = "", hang = true): string {
  const label = hang && typeof p.label === "string" && p.label ? `<span class="crp-label">${html(p.label)}</span>` : "";
  const text = label ? p.text : paragraphText(p);
  return `<p${label && !attributes ? ` class="crp-point"` : attributes}${langAttributes(p.language)}>${label}${htmlLines(text)}</p>`;
}

function htmlText(text: CrpText, hang = true): string {
  return (text.mark ? `<p class="crp-mark"><strong>${html(text.mark)}</strong></p>` : "") + text.paragraphs.map((p) => htmlParagraph(p, "", hang)).join("");
}

function htmlHeading(level: number, h: CrpHeading, id?: string, extra = ""): string {
  const label = h.label ? `<span class="crp-label">${html(h.label)}</span> ` : "";
  return `<h${level}${id ? ` id="${id}"` : ""}>${label}${html(h.text)}${extra}</h${level}>`;
}

/** Styles of the HTML view: A4, Tinos/Times New Roman 10 pt, logical properties only. */
export const CRP_HTML_STYLE = `
.crp { font-family: Tinos, "Times New Roman", serif; font-size: 10pt; line-height: 12pt; max-inline-size: 17cm; margin-inline: auto; }
.crp p { margin-block: 0 6pt; margin-inline: 2cm; text-align: justify; }
.crp .crp-masthead p { margin-inline: 0; text-align: start; margin-block: 0; }
.crp .crp-masthead .crp-top { text-align: end; }
.crp .crp-masthead .crp-strong { font-weight: bold; }
.crp .crp-masthead { border-block-end: 2pt solid; padding-block-end: 6pt; margin-block-end: 12pt; }
.crp h1 { font-size: 14pt; line-height: 16pt; margin-block: 18pt 12pt; margin-inline: 2cm; }
.crp h2 { font-size: 14pt; margin-block: 18pt 12pt; }
.crp h3 { font-size: 12pt; margin-block: 12pt 6pt; }
.crp h4 { font-size: 10pt; margin-block: 12pt 6pt; margin-inline-start: 2cm; }
.crp h2, .crp h3 { padding-inline-start: 2cm; text-indent: -2cm; }
.crp .crp-label { display: inline-block; inline-size: 2cm; text-indent: 0; }
.crp .crp-subtitle { font-weight: bold; font-size: 12pt; }
.crp ol.crp-paragraphs { margin-block: 0; margin-inline: 2cm; padding: 0; list-style-position: inside; }
.crp ol.crp-paragraphs li { margin-block-end: 6pt; text-align: justify; }
.crp .crp-point { padding-inline-start: 1cm; text-indent: -1cm; }
.crp .crp-point .crp-label { inline-size: 1cm; }
.crp .crp-original { text-align: end; }
.crp .crp-subheading { font-style: italic; }
.crp blockquote { margin: 0 1cm; }
.crp .crp-mark { font-weight: bold; }
.crp .crp-draft-mark { border: 1.5pt solid; text-align: center; font-weight: bold; font-size: 12pt; padding: 4pt; margin-inline: 0; }
.crp .crp-footnotes { border-block-start: 0.5pt solid; margin-block-start: 24pt; padding-block-start: 6pt; font-size: 9pt; }
.crp .crp-footnotes p { margin-inline: 0; }
@page { size: A4; margin: 3cm 2cm 2.5cm; }
`;

/** The HTML article's start tag and the draft mark. */
export function crpHtmlStart(model: CrpModel): string[] {
  return [`<article class="crp" lang="en" dir="ltr">`, model.draftMark ? `<p class="crp-draft-mark">${html(model.draftMark)}</p>` : ""];
}

/** The masthead, the title and section I. */
export function crpHtmlFrontMatter(model: CrpModel): string[] {
  const m = model.masthead;
  return [
    `<header class="crp-masthead">`,
    `<p class="crp-top crp-strong">${html(m.symbol)}</p>`,
    `<p class="crp-top">${html(m.date)}</p>`,
    `<p class="crp-top">${html(m.languageLine)}</p>`,
    `<p class="crp-strong">${html(m.body)}</p>`,
    `<p class="crp-strong">${html(m.session)}</p>`,
    `<p>${html(m.venueAndDates)}</p>`,
    `<p>${html(m.agendaItem)}<a class="crp-footnote-ref" href="#crp-footnote" id="crp-footnote-ref" aria-describedby="crp-footnote">${html(m.footnoteMarker)}</a></p>`,
    `<p class="crp-strong">${html(m.agendaItemTitle)}</p>`,
    `</header>`,
    `<h1>${html(model.title)}</h1>`,
    `<p class="crp-subtitle">${html(model.subtitle)}</p>`,
    `<section aria-labelledby="crp-introduction">`,
    htmlHeading(2, model.introduction.heading, "crp-introduction"),
    `<ol class="crp-paragraphs">`,
    ...model.introduction.paragraphs.map((p) => `<li value="${p.number}">${htmlLines(p.text)}</li>`),
    `</ol>`,
    `</section>`,
  ];
}

/** Section II's heading (the section stays open for its items). */
export function crpHtmlCommentsHeading(model: CrpModel): string[] {
  return [`<section aria-labelledby="crp-comments">`, htmlHeading(2, model.comments.heading, "crp-comments")];
}

/** One agenda item of section II (`index` from 0), its points and every delegation's comments. */
export function crpHtmlItem(item: CrpItemSection, index: number): string[] {
  const id = `crp-item-${index + 1}`;
  const out: string[] = [
    `<section aria-labelledby="${id}">`,
    htmlHeading(3, item.heading, id, item.title ? `<br><span class="crp-item-title">${html(item.title)}</span>` : ""),
    ...item.introduction.map((p) => `<p>${htmlLines(p)}</p>`),
  ];
  for (const point of item.points) {
    point.paragraphs.forEach((p, j) =>
      out.push(
        j === 0 ? `<p class="crp-point"><span class="crp-label">${html(point.label)}</span>${htmlLines(p)}</p>` : `<p class="crp-point">${htmlLines(p)}</p>`,
      ),
    );
  }
  if (item.notice) out.push(`<p>${html(item.notice)}</p>`);
  item.delegations.forEach((delegation, j) => {
    const dId = `${id}-${j + 1}`;
    out.push(`<section aria-labelledby="${dId}">`, `<h4 id="${dId}">${html(sectionHeading(delegation))}</h4>`);
    if (delegation.original) out.push(`<p class="crp-original">${html(delegation.original)}</p>`);
    if (typeof delegation.alignment === "string" && delegation.alignment) out.push(`<p class="crp-alignment">${html(delegation.alignment)}</p>`);
    for (const block of delegation.blocks) {
      if (block.kind === "subheading") out.push(`<p class="crp-subheading"><em>${html(block.text)}</em></p>`);
      else if (block.kind === "text") out.push(htmlText(block.text));
      else if (block.kind === "proposed_wording")
        out.push(`<p class="crp-lead">${html(block.lead)}</p>`, `<blockquote>${htmlText(block.text, false)}</blockquote>`);
      else {
        const mark = block.text.mark ? `<p class="crp-mark"><strong>${html(block.text.mark)}</strong></p>` : "";
        const [first, ...rest] = block.text.paragraphs;
        const lang = first ? langAttributes(first.language) : "";
        out.push(
          mark,
          `<p class="crp-point"><span class="crp-label">${html(block.label)}</span><span${lang}>${first ? htmlLines(paragraphText(first)) : ""}</span></p>`,
          ...rest.map((p) => htmlParagraph(p, ` class="crp-point"`)),
        );
      }
    }
    out.push(`</section>`);
  });
  out.push(`</section>`);
  return out;
}

/** The footnote and the end of the article. */
export function crpHtmlClosing(model: CrpModel): string[] {
  return [
    `<footer class="crp-footnotes"><p id="crp-footnote"><a href="#crp-footnote-ref">${html(model.footnote.marker)}</a> ${html(model.footnote.text)}</p></footer>`,
    `</article>`,
  ];
}

/** Pieces of the article joined as one text (empty pieces left out). */
export function joinHtml(pieces: string[]): string {
  return pieces.filter(Boolean).join("\n");
}

/**
 * The CRP as HTML: an <article> to put in a page, or with `document: true` a whole page with its
 * styles, for the browser's print to PDF.
 */
export function crpToHtml(model: CrpModel, options: { document?: boolean } = {}): string {
  const m = model.masthead;
  const out: string[] = [
    ...crpHtmlStart(model),
    ...crpHtmlFrontMatter(model),
    ...crpHtmlCommentsHeading(model),
    ...model.comments.items.flatMap((item, i) => crpHtmlItem(item, i)),
    `</section>`,
    ...crpHtmlClosing(model),
  ];
  const article = joinHtml(out);
  if (!options.document) return article;
  return [
    `<!DOCTYPE html>`,
    `<html lang="en" dir="ltr">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<title>${html(`${m.symbol}: ${model.title}`)}</title>`,
    `<style>${CRP_HTML_STYLE}</style>`,
    `</head>`,
    `<body>`,
    article,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
