// Instants as diplomatic mail writes them, in the six languages: the weekday and month in words,
// the 24-hour clock, the zone named by its city (app/lib/zone-names.ts). Pure: the caller gives the
// translation function of the "consultations" namespace (the server's for emails, the page's own
// in the browser).
import type { Language } from "~/i18n/languages";
import { intlLocale } from "~/lib/dates";
import { currentTimeZone } from "~/lib/time-zones";
import { cityTime } from "~/lib/zone-names";
import type { T } from "~/lib/mission-message";

/** Arabic with Western digits, as in United Nations documents. */
const locale = (language: Language) => (language === "ar" ? "ar-u-nu-latn" : intlLocale(language));

/** The zone as the sentence names it: "Vienna time", "heure de Vienne", "UTC", else the zone's long name. */
function zoneText(t: T, instant: Date, language: Language, timeZone: string): string {
  if (/^(Etc\/)?(UTC|GMT|Universal|Zulu)$/i.test(timeZone)) return t("missionMail.time.utc");
  // The city phrase every date in the app uses ("heure de Vienne", "по венскому времени"), locales/<lang>/zones.json.
  const city = cityTime(currentTimeZone(timeZone), language);
  if (city) return city;
  const name =
    new Intl.DateTimeFormat(locale(language), { timeZone, timeZoneName: "long" }).formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ??
    timeZone;
  return name;
}

/**
 * An instant written out in full, on the clock of `timeZone`: "18:00 (Vienna time) on Friday,
 * 14 August 2020", « vendredi 14 août 2020 à 18 h 00 (heure de Vienne) », "2020年8月14日（星期五）
 * 维也纳时间18:00". The weekday and month in words, the 24-hour clock, the zone by its city.
 */
export function writeDiplomaticInstant(t: T, instant: Date | string, language: Language, timeZone: string): string {
  const at = new Date(instant);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat(locale(language), {
      timeZone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  // Each language orders the parts itself (Chinese: 年月日 around bare numbers).
  const date = t("missionMail.time.date", { weekday: parts.weekday, day: parts.day, month: parts.month, year: parts.year });
  // French and Spanish write "9 h 00", "9.00 horas": no leading zero on the hour.
  const hour = language === "fr" || language === "es" ? String(Number(parts.hour)) : parts.hour;
  const time = t("missionMail.time.clock", { hour, minute: parts.minute });
  return t("missionMail.time.when", { date, time, zone: zoneText(t, at, language, timeZone) });
}
