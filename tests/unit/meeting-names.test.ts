// The meeting's body and venue in the reader's language (issue 15): the pure choice with its
// English fallback, the plain-text line of the emails (isolated in Arabic), the meeting form's
// rules for the names in the other official languages, and the invitation email that uses them.
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { MeetingSchema, OTHER_LANGUAGES } from "~/lib/consultation-forms";
import { formatCalendarRange } from "~/lib/dates";
import { invitationEmail } from "~/lib/invitation-email";
import { meetingLine, meetingNames, nameIn, presentTexts, sameTexts } from "~/lib/meeting-names";

const FSI = "\u2068";
const PDI = "\u2069";

const WG = {
  body: "Working Group on Technical Assistance",
  venue: "Vienna",
  bodyTranslations: {
    fr: "Groupe de travail sur l’assistance technique",
    es: "Grupo de Trabajo sobre Asistencia Técnica",
    ru: "Рабочая группа по технической помощи",
    zh: "技术援助工作组",
    ar: "الفريق العامل المعني بالمساعدة التقنية",
  },
  venueTranslations: { fr: "Vienne", es: "Viena", ru: "Вена", zh: "维也纳", ar: "فيينا" },
  startDate: "2020-07-09",
  endDate: "2020-07-10",
  timeZone: "Europe/Vienna",
};

describe("the meeting's names in the reader's language", () => {
  it("gives the name in the reader's language where it was given, and says which language it is in", () => {
    expect(meetingNames(WG, "fr")).toEqual({
      body: { text: "Groupe de travail sur l’assistance technique", lang: "fr" },
      venue: { text: "Vienne", lang: "fr" },
    });
    expect(meetingNames(WG, "zh").venue).toEqual({ text: "维也纳", lang: "zh" });
    expect(meetingNames(WG, "en")).toEqual({ body: { text: WG.body, lang: "en" }, venue: { text: "Vienna", lang: "en" } });
  });

  it("falls back to English for a language left out, an empty one, an unknown reader language and missing columns", () => {
    const some = { ...WG, bodyTranslations: { fr: WG.bodyTranslations.fr, es: "   " }, venueTranslations: {} };
    expect(meetingNames(some, "fr")).toEqual({ body: { text: WG.bodyTranslations.fr, lang: "fr" }, venue: { text: "Vienna", lang: "en" } });
    expect(meetingNames(some, "es").body).toEqual({ text: WG.body, lang: "en" });
    expect(meetingNames(some, "ar").body).toEqual({ text: WG.body, lang: "en" });
    expect(meetingNames(WG, "de").body).toEqual({ text: WG.body, lang: "en" });
    expect(meetingNames({ body: WG.body, venue: "Vienna" }, "fr").body).toEqual({ text: WG.body, lang: "en" });
    expect(meetingNames({ body: WG.body, venue: "Vienna", bodyTranslations: null }, "fr").body.lang).toBe("en");
    // The English field is the English name: a stray "en" entry does not replace it.
    expect(nameIn("Vienna", { en: "Wien" }, "en")).toEqual({ text: "Vienna", lang: "en" });
  });

  it("writes the emails' line in the reader's language, its names isolated in Arabic, with each language's comma", () => {
    expect(meetingLine(WG, "fr")).toBe(`Groupe de travail sur l’assistance technique, Vienne, ${formatCalendarRange("2020-07-09", "2020-07-10", "fr")}`);
    expect(meetingLine(WG, "en")).toBe(`Working Group on Technical Assistance, Vienna, ${formatCalendarRange("2020-07-09", "2020-07-10", "en")}`);
    expect(meetingLine(WG, "zh")).toBe(`技术援助工作组，维也纳，${formatCalendarRange("2020-07-09", "2020-07-10", "zh")}`);
    expect(meetingLine(WG, "ar")).toBe(
      `${FSI}الفريق العامل المعني بالمساعدة التقنية${PDI}، ${FSI}فيينا${PDI}، ${formatCalendarRange("2020-07-09", "2020-07-10", "ar")}`,
    );
    // English data in an Arabic line: isolated too.
    expect(meetingLine({ ...WG, bodyTranslations: {}, venueTranslations: {} }, "ar")).toContain(
      `${FSI}Working Group on Technical Assistance${PDI}، ${FSI}Vienna${PDI}، `,
    );
    for (const language of ["en", "fr", "es", "ru", "zh"]) expect(meetingLine(WG, language)).not.toMatch(/[\u2066-\u2069]/);
  });

  it("keeps only the other official languages that have a text, in the languages' order, and compares them so", () => {
    expect(presentTexts({ fr: " Vienne ", en: "Vienna", ar: "", de: "Wien", zh: undefined, es: "Viena" })).toEqual({ fr: "Vienne", es: "Viena" });
    expect(Object.keys(presentTexts({ es: "Viena", ar: "فيينا", fr: "Vienne" }))).toEqual(["ar", "fr", "es"]);
    expect(presentTexts(null)).toEqual({});
    expect(sameTexts({ es: "Viena", fr: "Vienne" }, { fr: "Vienne", es: "Viena", ru: "" })).toBe(true);
    expect(sameTexts({ fr: "Vienne" }, {})).toBe(false);
    expect(sameTexts(undefined, {})).toBe(true);
  });
});

describe("the meeting form's names in other official languages", () => {
  const english: [string, string][] = [
    ["body", "Working Group on Technical Assistance"],
    ["symbolPrefix", "CTOC/COP/WG.2"],
    ["session", "2020"],
    ["venue", "Vienna"],
    ["startDate", "2020-07-09"],
    ["endDate", "2020-07-10"],
    ["format", "hybrid"],
    ["timeZone", "Europe/Vienna"],
  ];
  const parse = (extra: [string, string][]) => {
    const formData = new FormData();
    for (const [name, value] of [...english, ...extra]) formData.append(name, value);
    return parseWithZod(formData, { schema: MeetingSchema });
  };

  it("offers the five languages other than English", () => {
    expect(OTHER_LANGUAGES).toEqual(["ar", "zh", "fr", "ru", "es"]);
  });

  it("takes the names given, each optional, cleaned as the English ones are; other keys are dropped", () => {
    const result = parse([
      ["bodyTranslations.fr", "  Groupe de travail\tsur l’assistance technique "],
      ["bodyTranslations.ar", "الفريق العامل المعني بالمساعدة التقنية"],
      ["bodyTranslations.zh", ""],
      ["bodyTranslations.en", "Another English name"],
      ["bodyTranslations.de", "Arbeitsgruppe"],
      ["venueTranslations.ru", "Ве\u200Bна"],
    ]);
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(presentTexts(result.value.bodyTranslations)).toEqual({
      ar: "الفريق العامل المعني بالمساعدة التقنية",
      fr: "Groupe de travail sur l’assistance technique",
    });
    expect(presentTexts(result.value.venueTranslations)).toEqual({ ru: "Вена" });
  });

  it("accepts none at all: English stands in", () => {
    const result = parse([]);
    expect(result.status).toBe("success");
    if (result.status === "success") {
      expect(presentTexts(result.value.bodyTranslations)).toEqual({});
      expect(presentTexts(result.value.venueTranslations)).toEqual({});
    }
  });

  it("refuses what the English fields refuse: too long, bidi and control characters, damaged text", () => {
    const result = parse([
      ["bodyTranslations.fr", "x".repeat(301)],
      ["venueTranslations.es", "v".repeat(101)],
      ["bodyTranslations.ar", "\u202Eفيينا"],
      ["venueTranslations.zh", "维也纳\u0007"],
      ["venueTranslations.ru", "Вена\uFFFD"],
    ]);
    expect(result.status).toBe("error");
    const error = result.status === "error" ? result.error : {};
    expect(error).toMatchObject({
      "bodyTranslations.fr": ["consultations:errors.tooLong"],
      "venueTranslations.es": ["consultations:errors.tooLong"],
      "bodyTranslations.ar": ["common:nameErrors.bidiControl"],
      "venueTranslations.zh": ["common:nameErrors.controlCharacter"],
    });
    expect(error?.["venueTranslations.ru"]?.length).toBeGreaterThan(0);
    // The limits are the English fields': 300 for the body, 100 for the venue.
    expect(
      parse([
        ["bodyTranslations.fr", "x".repeat(300)],
        ["venueTranslations.es", "v".repeat(100)],
      ]).status,
    ).toBe("success");
  });
});

describe("the invitation email names the meeting in the invitee's language", () => {
  const input = {
    inviteeName: "Claire Dubois",
    inviterName: "Amina Haddad",
    delegationName: "France",
    consultationTitle: "Discussion points on technical assistance",
    meeting: WG,
    link: `https://nonpaper.example.org/invitations/${"T".repeat(43)}?lng=fr`,
    expiresAt: new Date("2020-07-24T14:00:00Z"),
  };
  // The zone's IANA name in the expiry line is not the meeting's venue.
  const withoutZone = (text: string) => text.replaceAll("Europe/Vienna", "");

  it("in French: the French body and venue, no English name inside", () => {
    const { body } = invitationEmail({ ...input, language: "fr" });
    expect(body).toContain(`Groupe de travail sur l’assistance technique, Vienne, ${formatCalendarRange("2020-07-09", "2020-07-10", "fr")}`);
    expect(withoutZone(body)).not.toMatch(/Working Group|Vienna/);
    expect(body).not.toMatch(/[\u2066-\u2069]/);
  });

  it("in each language with its names, and in English where a language was left out", () => {
    for (const language of ["es", "ru", "zh"] as const) {
      const { body } = invitationEmail({ ...input, language });
      expect(body, language).toContain(WG.bodyTranslations[language]);
      expect(body, language).toContain(WG.venueTranslations[language]);
      expect(withoutZone(body), language).not.toMatch(/Working Group|Vienna/);
    }
    const { body } = invitationEmail({ ...input, meeting: { ...WG, bodyTranslations: {}, venueTranslations: {} }, language: "fr" });
    expect(body).toContain("Working Group on Technical Assistance, Vienna, ");
  });

  it("in Arabic: the meeting and each name in it isolated, and the other data too", () => {
    const { body } = invitationEmail({ ...input, language: "ar" });
    const invited = body.split("\n\n")[1]!;
    expect(invited).toContain(`${FSI}${FSI}الفريق العامل المعني بالمساعدة التقنية${PDI}، ${FSI}فيينا${PDI}، `);
    expect(invited).toContain(`${FSI}Discussion points on technical assistance${PDI}`);
    expect(invited).toContain(`${FSI}Amina Haddad${PDI}`);
    // Every isolate is closed, in order.
    let depth = 0;
    for (const char of body) {
      if (char === FSI) depth += 1;
      if (char === PDI) depth -= 1;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    // English names, when no Arabic was given, are isolated as well.
    const fallback = invitationEmail({ ...input, meeting: { ...WG, bodyTranslations: {}, venueTranslations: {} }, language: "ar" }).body;
    expect(fallback).toContain(`${FSI}${FSI}Working Group on Technical Assistance${PDI}، ${FSI}Vienna${PDI}، `);
  });
});
