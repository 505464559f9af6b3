// The covering note verbale of a non-paper, drafted from the consultation's data in UN style, in
// any of the six official languages with that language's diplomatic formulas. Data in, text out;
// the sentences are locales/<lang>/note-verbale.json, read through a fixed-language i18next t (an
// instance of its own: the templates are for the server's drafts, not for every page's bundle).
// The secretariat edits the draft before circulating, so missing facts become visible
// "[placeholders]", never "undefined"; English data that another language's sentence would have to
// change (a treaty's name, "Tenth session") is shown the same way, "[in brackets]", to be translated.
import i18next from "i18next";
import { directionOf, isLanguage, LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { dateTimeFormat, formatCalendarDate, formatInstant, intlLocale } from "~/lib/dates";
import { nameIn, type LanguageTexts, type LocalName } from "~/lib/meeting-names";
import ar from "../../locales/ar/note-verbale.json";
import en from "../../locales/en/note-verbale.json";
import es from "../../locales/es/note-verbale.json";
import fr from "../../locales/fr/note-verbale.json";
import ru from "../../locales/ru/note-verbale.json";
import zh from "../../locales/zh/note-verbale.json";

export { MAX_COVERING_NOTE, normalizeNote } from "~/lib/covering-note";

export type MeetingFormat = "in_person" | "hybrid" | "online";

export type NoteVerbaleInput = {
  /** Who sends it, in English; defaults to the UNODC secretariat (named in each language by the locale). */
  secretariat?: { name: string; abbreviation: string | null };
  meeting: {
    body: string;
    parentBody: string | null;
    venue: string;
    /** The body and venue in other official languages, where the secretariat gave them (English stands in). */
    bodyTranslations?: LanguageTexts | null;
    venueTranslations?: LanguageTexts | null;
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
  /** The place of the place and date line ("Vienna, 31 July 2020"), in English like the venue. */
  place: string | null;
  /** "YYYY-MM-DD" */
  date: string | null;
  /** A later round: the revised text's number and when ("YYYY-MM-DD") the text it revises was circulated. */
  revision?: { number: number; previousCirculatedOn: string | null } | null;
};

export const DEFAULT_SECRETARIAT = { name: "United Nations Office on Drugs and Crime", abbreviation: "UNODC" };

const TEMPLATES: Record<Language, object> = { ar, zh, en, fr, ru, es };
type Translate = (key: string, options?: Record<string, unknown>) => string;
const translators = new Map<Language, Translate>();

/** The note's sentences in one language, from an instance made once per process and only read after. */
function noteTranslator(language: Language): Translate {
  let t = translators.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: false,
      supportedLngs: LANGUAGE_CODES,
      resources: { [language]: { "note-verbale": TEMPLATES[language] } },
      ns: ["note-verbale"],
      defaultNS: "note-verbale",
      // Plain text, never HTML.
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    // The namespace is not one of the app's typed ones (app/i18n/resources.ts): read untyped.
    t = (instance.getFixedT as unknown as (lng: string, ns: string) => Translate)(language, "note-verbale");
    translators.set(language, t);
  }
  return t;
}

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

/** The treaty whose States parties the note addresses, from the parent body ("… to the Convention …"). */
function treatyOf(parentBody: string | null): string | null {
  return (parentBody ? / to (the .+)$/.exec(parentBody.trim())?.[1] : undefined) ?? null;
}

// The names the UNODC's bodies meet under, which each language's file gives in the form its
// sentences need (Russian in the genitive, French and Spanish with "de" and the article).
const KNOWN_TREATIES: Record<string, string> = {
  "the united nations convention against transnational organized crime": "untoc",
  "the united nations convention against corruption": "uncac",
};
const KNOWN_BODIES: Record<string, string> = {
  "conference of the parties": "conferenceOfParties",
  "conference of the states parties": "conferenceOfStatesParties",
};
const known = (names: Record<string, string>, text: string) => names[text.trim().replace(/\s+/g, " ").toLowerCase()];

/** "Tenth session" -> "tenth session" in running text. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const FSI = "\u2068";
const PDI = "\u2069";

/** How one language writes the note: its sentences, its dates, and how data enters its sentences. */
function writerFor(language: Language) {
  const t = noteTranslator(language);
  const english = language === "en";
  const rtl = directionOf(language) === "rtl";
  const locale = intlLocale(language);
  // Chinese writes the year first and leaves the shared year and month out of the end of a span.
  const bigEndian = (() => {
    const types = dateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" })
      .formatToParts(new Date(Date.UTC(2020, 6, 9)))
      .map((part) => part.type);
    return types.indexOf("year") < types.indexOf("day");
  })();

  /** Data in another language inside right-to-left text is isolated, so that it keeps its order. */
  const data = (text: string, lang: Language = "en") => (rtl && lang !== language ? `${FSI}${text}${PDI}` : text);
  /** English data a sentence of another language cannot take as it is: marked for the officer. */
  const unsettled = (text: string) => (english ? text : data(t("unsettled", { text })));
  const local = (name: LocalName) => data(name.text.trim(), name.lang);

  const longDate = (iso: string | null): string | null => {
    if (!iso || !parseDate(iso)) return null;
    return english ? unDate(iso) : formatCalendarDate(iso, language);
  };
  const partialDate = (iso: string, withMonth: boolean) =>
    dateTimeFormat(locale, withMonth ? { day: "numeric", month: "long", timeZone: "UTC" } : { day: "numeric", timeZone: "UTC" }).format(
      new Date(`${iso}T00:00:00Z`),
    );

  /** "on 9 and 10 July 2020", "du 12 au 16 octobre 2020", "2020年6月30日至7月2日": what the two dates share is said once. */
  const span = (start: string | null, end: string | null): string => {
    const from = start ? parseDate(start) : null;
    const to = end ? parseDate(end) : null;
    if (!from || !to || start === end) return t("span.oneDay", { date: longDate(start) ?? t("missing.dates") });
    if (from.year !== to.year) return t("span.range", { from: longDate(start), to: longDate(end) });
    const sameMonth = from.month === to.month;
    const key = sameMonth && to.day - from.day === 1 ? "span.twoDays" : "span.range";
    return bigEndian
      ? t(key, { from: longDate(start), to: partialDate(end!, !sameMonth) })
      : t(key, { from: partialDate(start!, !sameMonth), to: longDate(end) });
  };

  const list = (items: string[]) => (english ? englishList(items) : new Intl.ListFormat(locale, { type: "conjunction" }).format(items));

  const deadline = (value: Date | string | null, timeZone: string): string => {
    if (english) return unDeadline(value, timeZone);
    const instant = value === null ? null : new Date(value);
    return instant && !Number.isNaN(instant.getTime()) ? formatInstant(instant, language, timeZone) : t("missing.deadline");
  };

  const addressees = (parentBody: string | null): string => {
    const treaty = treatyOf(parentBody);
    if (!treaty) return t("addressees.all");
    const id = known(KNOWN_TREATIES, treaty);
    return t("addressees.treaty", { treaty: english ? treaty : id ? t(`treaties.${id}`) : unsettled(treaty) });
  };

  /** The body whose extended Bureau approved the period (the parent body, else the meeting's own). */
  const bureau = (meeting: NoteVerbaleInput["meeting"]): string => {
    const parent = meeting.parentBody ? shortBodyName(meeting.parentBody) : null;
    if (english) return parent ?? meeting.body;
    const id = parent ? known(KNOWN_BODIES, parent) : undefined;
    if (id) return t(`bodies.${id}`);
    return t("bodies.other", { name: parent ? unsettled(parent) : local(nameIn(meeting.body, meeting.bodyTranslations, language)) });
  };

  return { t, english, data, unsettled, local, longDate, span, list, deadline, addressees, bureau };
}

/** Who the note is addressed to, from the parent body: the States parties to a convention, or all missions. */
export function addresseesOf(parentBody: string | null, language: Language = "en"): string {
  return writerFor(language).addressees(parentBody);
}

/** The covering note verbale in a language (English unless given), as plain text with paragraphs separated by blank lines. */
export function draftNoteVerbale(input: NoteVerbaleInput, language: Language = "en"): string {
  if (!isLanguage(language)) language = "en";
  const w = writerFor(language);
  const { t, english, data, unsettled, local } = w;
  const meeting = input.meeting;

  const secretariat = input.secretariat
    ? {
        name: english ? input.secretariat.name : t("secretariat.other", { name: unsettled(input.secretariat.name) }),
        abbreviation: input.secretariat.abbreviation,
      }
    : { name: t("secretariat.name"), abbreviation: t("secretariat.abbreviation") };
  const sender = secretariat.abbreviation
    ? t("secretariat.withAbbreviation", { name: secretariat.name, abbreviation: data(secretariat.abbreviation, input.secretariat ? "en" : language) })
    : secretariat.name;
  const addressees = w.addressees(meeting.parentBody);
  const bureau = w.bureau(meeting);

  // The venue in the reader's language; a session or date line held at the same place says it the same way.
  const venueName = nameIn(meeting.venue.trim(), meeting.venueTranslations, language);
  const venue = venueName.text.trim() ? local(venueName) : t("missing.venue");
  const placeIn = (place: string | null | undefined, missing: string) => {
    const given = place?.trim();
    if (!given) return t(missing);
    return given.toLowerCase() === meeting.venue.trim().toLowerCase() && venueName.text.trim() ? venue : data(given);
  };

  const method = input.reflectionApprovalMethod?.trim();
  const approvalMethod = !method
    ? t("missing.method")
    : english
      ? method
      : /^silence procedure$/i.test(method)
        ? t("methods.silenceProcedure")
        : unsettled(method);
  const items = input.agendaItemNumbers.filter((n) => n.trim() !== "");
  const session = input.parentSession?.trim()
    ? english
      ? lowerFirst(input.parentSession.trim())
      : unsettled(input.parentSession.trim())
    : t("missing.session");
  const sessionPlace =
    input.parentSessionVenue?.trim() || input.parentSessionStartDate
      ? t("sessionPlace", {
          venue: placeIn(input.parentSessionVenue, "missing.venue"),
          dates: w.span(input.parentSessionStartDate, input.parentSessionEndDate),
        })
      : "";
  const title = input.consultationTitle.trim();

  const paragraphs = [
    t("paragraphs.reference", {
      sender,
      addressees,
      body: local(nameIn(meeting.body, meeting.bodyTranslations, language)),
      held: t(`held.${meeting.format}`, { venue }),
      dates: w.span(meeting.startDate, meeting.endDate),
    }),
    t("paragraphs.approval", { bureau, method: approvalMethod, date: w.longDate(input.reflectionApprovedOn) ?? t("missing.approvalDate") }),
    t("paragraphs.transmittal", { items: items.length ? t("items", { count: items.length, list: w.list(items) }) : "" }),
    ...(input.revision
      ? [t("paragraphs.revision", { number: input.revision.number, date: w.longDate(input.revision.previousCirculatedOn) ?? t("missing.date") })]
      : []),
    t("paragraphs.comments", {
      deadline: w.deadline(input.deadline, meeting.timeZone),
      where: input.link ? t("where.link", { link: data(input.link) }) : t("where.noLink"),
    }),
    t("paragraphs.compilation", { session, bureau, sessionPlace }),
    t("paragraphs.closing", { secretariat: secretariat.name, addressees }),
    t("paragraphs.dateLine", { place: placeIn(input.place, "missing.place"), date: w.longDate(input.date) ?? t("missing.date") }),
    t("paragraphs.enclosure", { title: title ? data(title) : t("missing.title") }),
  ];
  return paragraphs.join("\n\n");
}
