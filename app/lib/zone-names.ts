// A time zone named by its city, as each language writes it after a time: "Vienna time", "heure de
// Vienne", "hora de Viena", "по венскому времени", "بتوقيت فيينا", "维也纳时间". Intl names zones by
// region only ("Central European Time") and does not expose CLDR's cities. The phrases cover the zones
// of UN duty stations, regional commissions and the capitals where missions meet (locales/<lang>/zones.json,
// one key per current IANA name). They are imported, not loaded through i18next, so that formatting
// stays a pure function on server and browser; the six files together are a few kilobytes.
import ar from "../../locales/ar/zones.json";
import en from "../../locales/en/zones.json";
import es from "../../locales/es/zones.json";
import fr from "../../locales/fr/zones.json";
import ru from "../../locales/ru/zones.json";
import zh from "../../locales/zh/zones.json";

const PHRASES: Readonly<Record<string, Readonly<Record<string, string>>>> = { ar, zh, en, fr, ru, es };

/** The zones that have a city phrase, by current IANA name (English's keys; the others have the same). */
export const ZONES_WITH_CITY: readonly string[] = Object.keys(en);

/**
 * The city phrase of a zone given by its current IANA name ("Europe/Vienna" -> "heure de Vienne" in
 * French); null for a zone without one or a language other than the six ("fr-CH" reads as "fr").
 */
export function cityTime(zone: string, language: string): string | null {
  const base = language.split("-")[0]!;
  const phrases = Object.hasOwn(PHRASES, base) ? PHRASES[base]! : null;
  return phrases && Object.hasOwn(phrases, zone) ? phrases[zone]! : null;
}
