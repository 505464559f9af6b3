// Dates and times in the reader's language with Intl; no I/O, usable on server and browser.
import { currentTimeZone } from "~/lib/time-zones";

/** UN English is British English: "9 October 2020", 24-hour times. */
export function intlLocale(language: string): string {
  return language === "en" ? "en-GB" : language;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (tens of microseconds,
// with locale data lookups): a page listing thousands of dates builds a handful, not one per date.
// Bounded, because zone names come from input too ("europe/vienna" and "EUROPE/VIENNA" are both valid).
const FORMAT_CACHE_LIMIT = 500;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The Intl.DateTimeFormat for a locale and options, built once and reused (formats are immutable). */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    // Throws for an unknown zone or locale, as the constructor does; nothing is cached then.
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= FORMAT_CACHE_LIMIT) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/** A calendar date stored as "YYYY-MM-DD" (no time zone), e.g. "9 July 2020" in English. */
export function formatCalendarDate(isoDate: string, language: string): string {
  return dateTimeFormat(intlLocale(language), { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A span of calendar dates, e.g. "9–10 July 2020"; Intl picks each language's own form. */
export function formatCalendarRange(start: string, end: string, language: string): string {
  const locale = intlLocale(language);
  const format = dateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const from = new Date(`${start}T00:00:00Z`);
  if (start === end) return format.format(from);
  const range = format.formatRange(from, new Date(`${end}T00:00:00Z`));
  // UN English closes up the en dash: "12–16 October 2020".
  return locale === "en-GB" ? range.replace(/\s+–\s+/, "–") : range;
}

/** An instant in a given IANA zone, with the zone's name, e.g. "14 Aug 2020, 18:00 CEST". */
export function formatInstant(instant: Date | string, language: string, timeZone: string): string {
  return (
    dateTimeFormat(intlLocale(language), { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(instant)) +
    ` (${zoneLabel(instant, language, timeZone)})`
  );
}

/** The zone as readers know it: "Europe/Vienna" becomes e.g. "CEST" or "GMT+2" by language. */
export function zoneLabel(instant: Date | string, language: string, timeZone: string): string {
  const parts = dateTimeFormat(intlLocale(language), { timeZone, timeZoneName: "short" }).formatToParts(new Date(instant));
  const name = parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  // Shown by its current IANA name, whatever is stored ("Europe/Kiev" reads Europe/Kyiv).
  return `${currentTimeZone(timeZone).replace(/_/g, " ")}, ${name}`;
}

/** Whether the runtime knows an IANA zone name ("Europe/Vienna"; "UTC"). */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return false;
  try {
    dateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date ("YYYY-MM-DD") and time ("HH:MM") of an instant in a zone. */
export function wallClockIn(instant: Date | string, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    dateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The instant at which the clocks of `timeZone` show `date` `time` ("2020-08-14", "18:00").
 * A time that does not exist (skipped by a spring-forward change) is read as the instant just
 * after the gap; an ambiguous one (autumn) as the earlier of the two. Null for malformed input.
 */
export function instantFromWallClock(date: string, time: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match || !clock || !isTimeZone(timeZone)) return null;
  const wanted = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(clock[1]), Number(clock[2]));
  if (Number.isNaN(wanted) || new Date(wanted).toISOString().slice(0, 10) !== date) return null;
  const offsetAt = (instant: number) => {
    const wall = wallClockIn(new Date(instant), timeZone);
    const [y, m, d] = wall.date.split("-").map(Number);
    const [h, min] = wall.time.split(":").map(Number);
    return Date.UTC(y!, m! - 1, d!, h!, min!) - instant;
  };
  // Try the offsets in force a day either side: the earlier instant that shows the wanted time wins.
  const candidates = [...new Set([offsetAt(wanted - 86_400_000), offsetAt(wanted), offsetAt(wanted + 86_400_000)])]
    .map((offset) => wanted - offset)
    .filter((instant) => offsetAt(instant) === wanted - instant)
    .sort((a, b) => a - b);
  if (candidates.length) return new Date(candidates[0]!);
  // In a gap: read with the offset before the change, which lands just after the gap.
  return new Date(wanted - offsetAt(wanted - 86_400_000));
}
