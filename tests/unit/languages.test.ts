import { describe, expect, it } from "vitest";
import { directionOf, isLanguage, languageFromAcceptHeader } from "~/i18n/languages";
import { formatCalendarDate, formatCalendarRange, formatInstant } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";

describe("language registry", () => {
  it("knows the six UN languages and only Arabic is right to left", () => {
    expect(["ar", "zh", "en", "fr", "ru", "es"].every(isLanguage)).toBe(true);
    expect(isLanguage("de")).toBe(false);
    expect(isLanguage("AR")).toBe(false);
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("zh")).toBe("ltr");
  });

  it("picks the best of our languages from Accept-Language", () => {
    expect(languageFromAcceptHeader("de-CH, fr;q=0.9, en;q=0.8")).toBe("fr");
    expect(languageFromAcceptHeader("en;q=0.5, ar-MA;q=0.9")).toBe("ar");
    expect(languageFromAcceptHeader("zh-Hans-CN")).toBe("zh");
    expect(languageFromAcceptHeader("de, it")).toBeNull();
    expect(languageFromAcceptHeader("fr;q=0, es")).toBe("es");
    expect(languageFromAcceptHeader(null)).toBeNull();
  });
});

describe("dates in the reader's language", () => {
  it("writes calendar dates as UN documents do in English", () => {
    expect(formatCalendarDate("2020-10-09", "en")).toBe("9 October 2020");
    expect(formatCalendarRange("2020-10-12", "2020-10-16", "en")).toBe("12–16 October 2020");
  });

  it("formats in each language", () => {
    expect(formatCalendarDate("2020-07-09", "fr")).toBe("9 juillet 2020");
    expect(formatCalendarDate("2020-07-09", "es")).toBe("9 de julio de 2020");
    expect(formatCalendarDate("2020-07-09", "zh")).toBe("2020年7月9日");
    expect(formatCalendarDate("2020-07-09", "ru")).toMatch(/^9 июля 2020/);
    expect(formatCalendarDate("2020-07-09", "ar")).toMatch(/يوليو/);
  });

  it("states an instant in the meeting's zone and another zone", () => {
    const deadline = "2020-08-14T16:00:00Z";
    expect(formatInstant(deadline, "en", "Europe/Vienna")).toMatch(/14 August 2020, 18:00 \(Vienna time\)/);
    expect(formatInstant(deadline, "en", "America/Lima")).toMatch(/14 August 2020, 11:00 \(Lima time\)/);
  });
});

describe("delegation names", () => {
  it("picks the name in the reader's language", () => {
    const peru = { nameAr: "بيرو", nameZh: "秘鲁", nameEn: "Peru", nameFr: "Pérou", nameRu: "Перу", nameEs: "Perú" };
    expect(delegationName(peru, "es")).toBe("Perú");
    expect(delegationName(peru, "ar")).toBe("بيرو");
  });
});
