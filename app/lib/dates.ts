// Dates and times in the reader's language with Intl; no I/O, usable on server and browser.

/** UN English is British English: "9 October 2020", 24-hour times. */
export function intlLocale(language: string): string {
  return language === "en" ? "en-GB" : language;
}

/** A calendar date stored as "YYYY-MM-DD" (no time zone), e.g. "9 July 2020" in English. */
export function formatCalendarDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** A span of calendar dates, e.g. "9–10 July 2020"; Intl picks each language's own form. */
export function formatCalendarRange(start: string, end: string, language: string): string {
  const locale = intlLocale(language);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const from = new Date(`${start}T00:00:00Z`);
  if (start === end) return format.format(from);
  const range = format.formatRange(from, new Date(`${end}T00:00:00Z`));
  // UN English closes up the en dash: "12–16 October 2020".
  return locale === "en-GB" ? range.replace(/\s+–\s+/, "–") : range;
}

/** An instant in a given IANA zone, with the zone's name, e.g. "14 Aug 2020, 18:00 CEST". */
export function formatInstant(instant: Date | string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(instant)) + ` (${zoneLabel(instant, language, timeZone)})`;
}

/** The zone as readers know it: "Europe/Vienna" becomes e.g. "CEST" or "GMT+2" by language. */
export function zoneLabel(instant: Date | string, language: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(intlLocale(language), { timeZone, timeZoneName: "short" }).formatToParts(
    new Date(instant),
  );
  const name = parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  return `${timeZone.replace(/_/g, " ")}, ${name}`;
}
