// The non-paper as a document model: what the DOCX and the printable page both render, so the two
// always say the same words. Pure (data in, model out). The document's own wording is English, the
// working language; the interface around it is translated elsewhere.

import { formatCalendarRange } from "~/lib/dates";

/** What the document is made from (see getNonPaperForUser). Instants may be Dates or ISO strings. */
export interface NonPaperData {
  meeting: {
    body: string;
    parentBody: string | null;
    symbolPrefix: string;
    session: string;
    venue: string;
    startDate: string;
    endDate: string;
    /** IANA zone in which the deadline is stated, e.g. Europe/Vienna. */
    timeZone: string;
  };
  consultation: { title: string; deadline: Date | string | null };
  /** The circulated non-paper reproduced; null for the secretariat's preview of a draft. */
  nonPaper: { number: number; circulatedAt: Date | string } | null;
  agendaItems: {
    number: string | null;
    /** The letter of the item's heading in the source ("A"), if any. */
    heading: string | null;
    title: string;
    introduction: string | null;
    points: { label: string; text: string }[];
  }[];
  /** When a draft preview was made; printed on it. */
  generatedAt: Date | string;
}

/** A heading: an optional label that hangs in front ("A.") and its words. */
export interface NonPaperHeading {
  label: string | null;
  text: string;
}

export interface NonPaperSection {
  /** "Agenda item 2", or the item's own title when it has no number. */
  heading: NonPaperHeading;
  /** The item's title under "Agenda item N"; null when the title is already the heading. */
  subheading: NonPaperHeading | null;
  /** Paragraphs of the sentence introducing the points. */
  introduction: string[];
  points: { label: string; paragraphs: string[] }[];
}

export interface NonPaperModel {
  language: "en";
  /** A preview of a consultation that has not been circulated yet. */
  draft: boolean;
  /** "Draft – not circulated" on a preview, on every page; null otherwise. */
  draftMark: string | null;
  /** "Non-paper", or "Revised non-paper (Rev.1)" for a later circulation. */
  kind: string;
  /** The originating body and session, top of the first page; `strong` lines are set in bold. */
  masthead: { text: string; strong: boolean }[];
  title: string;
  /** Date of circulation and the invitation to comment by the deadline. */
  datelines: string[];
  sections: NonPaperSection[];
  /** e.g. non-paper-CTOC-COP-WG.2-2020.docx */
  fileName: string;
}

export const DRAFT_MARK = "Draft – not circulated";

/** The model of the non-paper from its data. */
export function buildNonPaperModel(data: NonPaperData): NonPaperModel {
  const { meeting, consultation, nonPaper } = data;
  const draft = nonPaper === null;
  const kind = !nonPaper || nonPaper.number <= 1 ? "Non-paper" : `Revised non-paper (Rev.${nonPaper.number - 1})`;

  const datelines: string[] = [];
  if (nonPaper) {
    datelines.push(`Circulated on ${formatDateIn(nonPaper.circulatedAt, meeting.timeZone)}`);
  } else {
    datelines.push(`Text as at ${formatDeadline(data.generatedAt, meeting.timeZone)}`);
  }
  if (consultation.deadline) {
    datelines.push(`Comments are invited by ${formatDeadline(consultation.deadline, meeting.timeZone)}.`);
  }

  return {
    language: "en",
    draft,
    draftMark: draft ? DRAFT_MARK : null,
    kind,
    masthead: [
      ...(meeting.parentBody ? [{ text: meeting.parentBody, strong: false }] : []),
      { text: meeting.body, strong: true },
      { text: `${meeting.venue}, ${formatCalendarRange(meeting.startDate, meeting.endDate, "en")}`, strong: false },
    ],
    title: consultation.title,
    datelines,
    sections: data.agendaItems.map((item) => {
      const titleHeading = { label: item.heading ? `${item.heading.replace(/\.$/, "")}.` : null, text: item.title };
      return {
        heading: item.number ? { label: null, text: `Agenda item ${item.number}` } : titleHeading,
        subheading: item.number ? titleHeading : null,
        introduction: item.introduction ? paragraphsOf(item.introduction) : [],
        points: item.points.map((point) => ({ label: point.label, paragraphs: paragraphsOf(point.text) })),
      };
    }),
    fileName: nonPaperFileName(meeting, nonPaper),
  };
}

/** Paragraphs are separated by a blank line; a single line break stays inside its paragraph. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.replace(/^\r?\n+|\r?\n+$/g, ""))
    .filter((paragraph) => paragraph.trim() !== "");
}

/** "non-paper-CTOC-COP-WG.2-2020.docx"; "-rev1" for a revised one, "-draft" for a preview. */
export function nonPaperFileName(meeting: { symbolPrefix: string; session: string }, nonPaper: { number: number } | null, extension = "docx"): string {
  const slug = (value: string) =>
    value
      .replace(/[\s/\\]+/g, "-")
      .replace(/[^A-Za-z0-9._-]/g, "")
      .replace(/-{2,}/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "");
  const suffix = !nonPaper ? "-draft" : nonPaper.number > 1 ? `-rev${nonPaper.number - 1}` : "";
  const base = ["non-paper", slug(meeting.symbolPrefix), slug(meeting.session)].filter(Boolean).join("-");
  return `${base}${suffix}.${extension}`;
}

/** "10 July 2020": the calendar date of an instant in the meeting's zone, in UN English. */
export function formatDateIn(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(new Date(instant));
}

/**
 * "14 August 2020, 18:00 Vienna time (CEST)": an instant as the meeting's zone shows it, with the
 * city of the zone and its abbreviation, so a reader in another zone knows what to convert.
 */
export function formatDeadline(instant: Date | string, timeZone: string): string {
  const date = new Date(instant);
  const time = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", hourCycle: "h23", timeZone }).format(date);
  const abbreviation =
    new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" }).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  const city = timeZone.split("/").at(-1)!.replace(/_/g, " ");
  const zone = /^(UTC|GMT|Etc\/)/.test(timeZone) ? abbreviation : `${city} time (${abbreviation})`;
  return `${formatDateIn(date, timeZone)}, ${time} ${zone}`;
}
