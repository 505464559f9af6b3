// Dates and times in the reader's language with Intl; no I/O, usable on server and browser.
import { currentTimeZone } from "~/lib/time-zones";
import { cityTime } from "~/lib/zone-names";

/** UN English is British English ("9 October 2020"); UN Arabic writes Western digits ("14 أغسطس 2020"). */
export function intlLocale(language: string): string {
  if (language === "en") return "en-GB";
  return language === "ar" ? "ar-u-nu-latn" : language;
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

/**
 * A span of calendar dates in each language's long form: "9–10 July 2020", "9–10 juillet 2020",
 * "29 de julio – 2 de agosto de 2020", "2020年7月9日至10日".
 */
export function formatCalendarRange(start: string, end: string, language: string): string {
  const locale = intlLocale(language);
  const format = dateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const from = new Date(`${start}T00:00:00Z`);
  if (start === end) return format.format(from);
  const to = new Date(`${end}T00:00:00Z`);
  if (locale.startsWith("zh")) return chineseRange(format, from, to);
  const range = format.formatRange(from, to);
  // UN English closes up the en dash: "12–16 October 2020".
  return locale === "en-GB" ? range.replace(/\s+–\s+/, "–") : range;
}

/**
 * "2020年7月9日至10日", "2020年7月29日至8月2日", "2020年12月29日至2021年1月2日": ICU's Chinese interval
 * falls back to "2020/7/9 – 2020/7/10". The end date leaves out the year, then the month, that it
 * shares with the start; the numbers and 年月日 are Intl's parts of the long date.
 */
function chineseRange(format: Intl.DateTimeFormat, from: Date, to: Date): string {
  const start = format.formatToParts(from);
  const end = format.formatToParts(to);
  const same = (type: Intl.DateTimeFormatPartTypes) => start.find((p) => p.type === type)?.value === end.find((p) => p.type === type)?.value;
  const first = same("year") ? (same("month") ? "day" : "month") : "year";
  const text = (parts: Intl.DateTimeFormatPart[]) => parts.map((p) => p.value).join("");
  const kept = end.findIndex((p) => p.type === first);
  return `${text(start)}至${text(end.slice(Math.max(0, kept)))}`;
}

/**
 * An instant on the clock of an IANA zone, the date in words, the 24-hour clock and the zone named
 * by its city where it has one, in the reader's language:
 * "14 August 2020, 18:00 (Vienna time)", "14 août 2020, 18:00 (heure de Vienne)",
 * "14 de agosto de 2020, 18:00 (hora de Viena)", "14 августа 2020 г., 18:00 по венскому времени",
 * "14 أغسطس 2020، 18:00 بتوقيت فيينا", "2020年8月14日维也纳时间18:00"; other zones by Intl's name for
 * them ("14 August 2020, 18:00 (Myanmar Time)"), UTC as "UTC".
 */
export function formatInstant(instant: Date | string, language: string, timeZone: string): string {
  const at = new Date(instant);
  const locale = intlLocale(language);
  const date = dateTimeFormat(locale, { dateStyle: "long", timeZone }).format(at);
  const time = dateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(at);
  const zone = zoneName(at, language, timeZone);
  // Each language puts the zone where it reads it: after the time, in parentheses unless the phrase
  // is built to follow it (Russian "по …му времени", Arabic "بتوقيت …"); Chinese before the time.
  switch (language.split("-")[0]) {
    case "ru":
      return zone.city ? `${date}, ${time} ${zone.text}` : `${date}, ${time} (${zone.text})`;
    case "ar":
      if (zone.city) return `${date}، ${time} ${zone.text}`;
      // Intl's Arabic names begin "توقيت …" or "التوقيت …": with the preposition they read as the city phrases do.
      return /^(ال)?توقيت /.test(zone.text) ? `${date}، ${time} ب${zone.text}` : `${date}، ${time} (${zone.text})`;
    case "zh":
      return zone.text.endsWith("时间") ? `${date}${zone.text}${time}` : `${date} ${time}（${zone.text}）`;
    default:
      return `${date}, ${time} (${zone.text})`;
  }
}

/**
 * The zone as the reader's language names it: "Vienna time", "heure de Genève", "по нью-йоркскому
 * времени", "北京时间"; a zone without a city phrase by Intl's generic name in that language
 * ("Myanmar Time", "heure du Myanmar", "缅甸时间"); "UTC". Never the IANA id.
 */
export function zoneLabel(instant: Date | string, language: string, timeZone: string): string {
  return zoneName(new Date(instant), language, timeZone).text;
}

function zoneName(at: Date, language: string, timeZone: string): { text: string; city: boolean } {
  // Stored names are read by their current IANA name ("Europe/Kiev" is Kyiv, "Asia/Calcutta" New Delhi).
  const current = currentTimeZone(timeZone);
  if (current === "UTC") return { text: "UTC", city: false };
  let city = cityTime(current, language);
  if (city) return { text: city, city: true };
  // Other spellings ("europe/vienna", links such as "GMT"): as Intl resolves them (ICU's names are old ones).
  const resolved = currentTimeZone(dateTimeFormat("en", { timeZone }).resolvedOptions().timeZone);
  if (resolved === "UTC") return { text: "UTC", city: false };
  city = cityTime(resolved, language);
  if (city) return { text: city, city: true };
  const name = dateTimeFormat(intlLocale(language), { timeZone, timeZoneName: "longGeneric" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  // Intl always gives the name; the resolved id only satisfies the type.
  return { text: name ?? resolved, city: false };
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
