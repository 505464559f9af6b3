// The six official UN languages, in the order of the UN's own language menus.
export const LANGUAGES = [
  { code: "ar", nativeName: "العربية", dir: "rtl" },
  { code: "zh", nativeName: "中文", dir: "ltr" },
  { code: "en", nativeName: "English", dir: "ltr" },
  { code: "fr", nativeName: "Français", dir: "ltr" },
  { code: "ru", nativeName: "Русский", dir: "ltr" },
  { code: "es", nativeName: "Español", dir: "ltr" },
] as const;

export type Language = (typeof LANGUAGES)[number]["code"];
export type Direction = "ltr" | "rtl";

export const DEFAULT_LANGUAGE: Language = "en";
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as Language[];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGE_CODES as string[]).includes(value);
}

export function directionOf(language: Language): Direction {
  return LANGUAGES.find((l) => l.code === language)?.dir ?? "ltr";
}

/** The best of our languages for an Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8"). */
export function languageFromAcceptHeader(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: tag.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.base && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find(isLanguage) ?? null;
}
