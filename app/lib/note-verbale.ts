// The covering note verbale of a non-paper, drafted from the consultation's data in UN style and
// in the working language (English). Pure: data in, text out. The secretariat edits the draft
// before circulating, so missing facts become visible "[placeholders]", never "undefined".

/** Longest covering note accepted: several pages, short of abuse. */
export const MAX_COVERING_NOTE = 20_000;

export type MeetingFormat = "in_person" | "hybrid" | "online";

export type NoteVerbaleInput = {
  /** Who sends it; defaults to the UNODC secretariat. */
  secretariat?: { name: string; abbreviation: string | null };
  meeting: {
    body: string;
    parentBody: string | null;
    venue: string;
    /** "YYYY-MM-DD" */
    startDate: string;
    endDate: string;
    format: MeetingFormat;
    /** IANA zone in which the deadline is stated, e.g. "Europe/Vienna". */
    timeZone: string;
  };
  consultationTitle: string;
  /** "YYYY-MM-DD": when the extended Bureau approved the reflection period. */
  reflectionApprovedOn: string | null;
  /** e.g. "silence procedure" */
  reflectionApprovalMethod: string | null;
  /** Numbers of the agenda items that have points ("2", "3"); unnumbered sections are left out. */
  agendaItemNumbers: string[];
  deadline: Date | string | null;
  /** e.g. "Tenth session" */
  parentSession: string | null;
  parentSessionVenue: string | null;
  parentSessionStartDate: string | null;
  parentSessionEndDate: string | null;
  /** Where delegations read the non-paper and comment (absolute URL), if known. */
  link: string | null;
  /** The place and date line ("Vienna, 31 July 2020"). */
  place: string | null;
  /** "YYYY-MM-DD" */
  date: string | null;
};

export const DEFAULT_SECRETARIAT = { name: "United Nations Office on Drugs and Crime", abbreviation: "UNODC" };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function parseDate(iso: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/** "31 July 2020" (UN English), or the placeholder when the date is missing or malformed. */
export function unDate(iso: string | null, placeholder = "[date]"): string {
  const date = iso ? parseDate(iso) : null;
  return date ? `${date.day} ${MONTHS[date.month - 1]} ${date.year}` : placeholder;
}

/**
 * A span of days as UN reports write it after "held in Vienna": "on 9 July 2020",
 * "on 9 and 10 July 2020", "from 12 to 16 October 2020", "from 30 June to 2 July 2020".
 */
export function unDateSpan(start: string | null, end: string | null): string {
  const from = start ? parseDate(start) : null;
  const to = end ? parseDate(end) : null;
  if (!from || !to) return from ? `on ${unDate(start)}` : "on [dates]";
  if (start === end) return `on ${unDate(start)}`;
  if (from.year !== to.year) return `from ${unDate(start)} to ${unDate(end)}`;
  if (from.month !== to.month) return `from ${from.day} ${MONTHS[from.month - 1]} to ${unDate(end)}`;
  const consecutive = to.day - from.day === 1;
  return `${consecutive ? "on" : "from"} ${from.day} ${consecutive ? "and" : "to"} ${unDate(end)}`;
}

/** The zone as UN notes name it: "Europe/Vienna" -> "Vienna time"; UTC stays "UTC". */
export function zoneName(timeZone: string): string {
  if (/^(Etc\/)?(UTC|GMT|Universal|Zulu)$/i.test(timeZone)) return "UTC";
  const city = timeZone.split("/").at(-1) ?? timeZone;
  return `${city.replace(/_/g, " ")} time`;
}

/** "18:00 (Vienna time) on Friday, 14 August 2020": the wall clock of the meeting's zone. */
export function unDeadline(deadline: Date | string | null, timeZone: string): string {
  if (deadline === null) return "[deadline]";
  const instant = new Date(deadline);
  if (Number.isNaN(instant.getTime())) return "[deadline]";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.hour}:${parts.minute} (${zoneName(timeZone)}) on ${parts.weekday}, ${parts.day} ${parts.month} ${parts.year}`;
}

/** "2", "2 and 3", "2, 3 and 4" (UN English: no serial comma). */
export function englishList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "Conference of the Parties to the United Nations Convention …" -> "Conference of the Parties". */
function shortBodyName(body: string): string {
  return body.split(/ to the /)[0]!.trim();
}

/** Who the note is addressed to, from the parent body: the States parties to a convention, or all missions. */
export function addresseesOf(parentBody: string | null): string {
  const treaty = parentBody ? / to (the .+)$/.exec(parentBody.trim())?.[1] : undefined;
  return treaty ? `the Permanent Missions of the States parties to ${treaty}` : "the Permanent Missions to the United Nations";
}

/** "Tenth session" -> "tenth session" in running text. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const held: Record<MeetingFormat, (venue: string) => string> = {
  in_person: (venue) => `held in ${venue}`,
  hybrid: (venue) => `held in a hybrid format in ${venue}`,
  online: () => "held online",
};

/** The covering note verbale, as plain text with paragraphs separated by blank lines. */
export function draftNoteVerbale(input: NoteVerbaleInput): string {
  const secretariat = input.secretariat ?? DEFAULT_SECRETARIAT;
  const sender = secretariat.abbreviation ? `${secretariat.name} (${secretariat.abbreviation})` : secretariat.name;
  const addressees = addresseesOf(input.meeting.parentBody);
  const meeting = input.meeting;
  const venue = meeting.venue.trim() || "[venue]";
  const bureauOf = meeting.parentBody ? shortBodyName(meeting.parentBody) : meeting.body;
  const method = input.reflectionApprovalMethod?.trim() || "[method of approval]";
  const items = input.agendaItemNumbers.filter((n) => n.trim() !== "");
  const itemsPhrase = items.length ? `, under agenda item${items.length > 1 ? "s" : ""} ${englishList(items)} of the meeting` : "";
  const where = input.link
    ? `through Nonpaper, the Secretariat's online consultation platform, at ${input.link}`
    : "through Nonpaper, the Secretariat's online consultation platform";
  const session = input.parentSession?.trim() ? lowerFirst(input.parentSession.trim()) : "[session]";
  const sessionPlace =
    input.parentSessionVenue?.trim() || input.parentSessionStartDate
      ? `, to be held in ${input.parentSessionVenue?.trim() || "[venue]"} ${unDateSpan(input.parentSessionStartDate, input.parentSessionEndDate)}`
      : "";

  const paragraphs = [
    `The Secretariat of the ${sender} presents its compliments to ${addressees} and has the honour to refer to the meeting of the ${meeting.body}, ${held[meeting.format](venue)} ${unDateSpan(meeting.startDate, meeting.endDate)}.`,
    `The extended Bureau of the ${bureauOf} approved, through ${method} on ${unDate(input.reflectionApprovedOn, "[date of approval]")}, a reflection period during which States may submit written comments on the discussion points arising from the meeting.`,
    `Accordingly, the Secretariat has the honour to transmit herewith, as a non-paper, the discussion points prepared by the Chair, in consultation with the Secretariat${itemsPhrase}.`,
    `The Secretariat would be grateful if comments on the discussion points could be submitted, in any of the six official languages of the United Nations, by ${unDeadline(input.deadline, meeting.timeZone)}, ${where}. Comments received in a language other than English will be translated unofficially by the Secretariat.`,
    `The comments received will be compiled in a conference room paper for the ${session} of the ${bureauOf}${sessionPlace}.`,
    `The Secretariat of the ${secretariat.name} avails itself of this opportunity to renew to ${addressees} the assurances of its highest consideration.`,
    `${input.place?.trim() || "[place]"}, ${unDate(input.date)}`,
    `Enclosure: non-paper “${input.consultationTitle.trim() || "[title]"}”`,
  ];
  return paragraphs.join("\n\n");
}

/** One kind of line break, no trailing spaces: the same note typed on any system is the same note. */
export function normalizeNote(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}
