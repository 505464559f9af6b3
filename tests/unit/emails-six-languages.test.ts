// The mail a mission receives, read as a diplomat reads it, in each of the six languages: the forms
// of address of that language (no "Bonjour", no "Здравствуйте"), the delegation's name in its
// grammar, and the deadline and receipt times written out in words with the 24-hour clock and the meeting's
// city named in the reader's language.
import { describe, expect, it } from "vitest";
import type { Language } from "~/i18n/languages";
import { reminderMessage } from "~/lib/deadline-email";
import { nameInSentence } from "~/lib/delegation-names";
import { circulationMessage } from "~/lib/notification-text";
import { receiptMessage } from "~/lib/submission-email";

const PERU = {
  nameAr: "بيرو",
  nameZh: "秘鲁",
  nameEn: "Peru",
  nameFr: "Pérou",
  nameRu: "Перу",
  nameEs: "Perú",
  articleFr: "le",
  articleEs: "el",
};
const NETHERLANDS = {
  nameAr: "هولندا (مملكة -)",
  nameZh: "荷兰王国",
  nameEn: "Netherlands (Kingdom of the)",
  nameFr: "Pays-Bas (Royaume des)",
  nameRu: "Нидерланды (Королевство)",
  nameEs: "Países Bajos (Reino de los)",
  articleFr: "les",
  articleEs: "los",
};

/** 14 August 2020, 18:00 in Vienna. */
const INSTANT = new Date("2020-08-14T16:00:00Z");

const EXPECTED: Record<
  Language,
  { greeting: string; deadline: string; formal: string; delegationOf: string; delegationOfNetherlands: string; notRegister: RegExp }
> = {
  en: {
    greeting: "Dear Ana Torres,",
    deadline: "14 August 2020, 18:00 (Vienna time)",
    formal: "18:00 (Vienna time) on Friday, 14 August 2020",
    delegationOf: "Peru",
    delegationOfNetherlands: "Netherlands (Kingdom of the)",
    notRegister: /\b(Hello|Hi)\b/,
  },
  fr: {
    greeting: "À l’attention de Ana Torres\n\nMadame, Monsieur,",
    deadline: "14 août 2020, 18:00 (heure de Vienne)",
    formal: "vendredi 14 août 2020 à 18 h 00 (heure de Vienne)",
    delegationOf: "observations du Pérou",
    delegationOfNetherlands: "observations des Pays-Bas (Royaume des)",
    notRegister: /Bonjour|Salut/,
  },
  es: {
    greeting: "Estimado/a Ana Torres:",
    deadline: "14 de agosto de 2020, 18:00 (hora de Viena)",
    formal: "viernes 14 de agosto de 2020, a las 18.00 horas (hora de Viena)",
    delegationOf: "observaciones del Perú",
    delegationOfNetherlands: "observaciones de los Países Bajos (Reino de los)",
    notRegister: /Hola/,
  },
  ru: {
    greeting: "Уважаемый(-ая) Ana Torres!",
    deadline: "14 августа 2020 г., 18:00 по венскому времени",
    formal: "18:00 (по венскому времени), пятница, 14 августа 2020 года",
    delegationOf: "делегации (Перу)",
    delegationOfNetherlands: "делегации (Нидерланды (Королевство))",
    notRegister: /Здравствуйте|Привет/,
  },
  zh: {
    greeting: "尊敬的Ana Torres：",
    deadline: "2020年8月14日维也纳时间18:00",
    formal: "2020年8月14日（星期五）维也纳时间18:00",
    delegationOf: "秘鲁的意见",
    delegationOfNetherlands: "荷兰王国的意见",
    notRegister: /你好/,
  },
  ar: {
    greeting: "Ana Torres",
    deadline: "14 أغسطس 2020، 18:00 بتوقيت فيينا",
    formal: "الساعة 18:00 (بتوقيت فيينا) يوم الجمعة 14 أغسطس 2020",
    delegationOf: "بيرو",
    delegationOfNetherlands: "هولندا (مملكة -)",
    notRegister: /مرحب/,
  },
};

const LANGUAGES = Object.keys(EXPECTED) as Language[];
/** The text as read: direction isolates (U+2068, U+2069) are invisible and are not compared. */
const read = (text: string) => text.replace(/[\u2068\u2069]/g, "");

const context = (language: Language, delegation: typeof PERU) => ({
  language,
  recipientName: "Ana Torres",
  delegationName: nameInSentence(delegation, language, { isolate: language === "ar" }),
  consultationTitle: "Draft discussion points, July 2020",
  meetingName: "Working Group on Technical Assistance",
  meetingTimeZone: "Europe/Vienna",
  recipientTimeZone: null,
  link: "https://nonpaper.example/consultations/1",
});

describe("the mail to missions in the six languages", () => {
  for (const language of LANGUAGES) {
    const expected = EXPECTED[language];

    it(`${language}: the receipt greets in the language's register, names the delegation in its grammar, and writes the time out`, () => {
      const message = receiptMessage({
        ...context(language, PERU),
        receiptNumber: "CTOC-2020-PER-0001",
        revisionNumber: 1,
        submittedAt: INSTANT,
        submittedByName: "Ana Torres",
        submissionLanguage: "es",
        lateAfterDeadline: null,
      });
      const body = read(message.body);
      expect(body.split("\n")[0]).toContain(expected.greeting.split("\n")[0]);
      expect(body).toContain(expected.greeting);
      expect(body).not.toMatch(expected.notRegister);
      expect(body).toContain(expected.deadline);
      expect(read(message.subject)).toContain(expected.delegationOf);
      // No numeric or abbreviated date, no 12-hour clock.
      expect(body).not.toMatch(/\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\b(AM|PM)\b|[صم]\s*$/m);

      const netherlands = receiptMessage({
        ...context(language, NETHERLANDS),
        receiptNumber: "CTOC-2020-NLD-0001",
        revisionNumber: 1,
        submittedAt: INSTANT,
        submittedByName: null,
        submissionLanguage: "en",
        lateAfterDeadline: null,
      });
      expect(read(netherlands.subject)).toContain(expected.delegationOfNetherlands);
    });

    it(`${language}: the circulation message and the reminder state the deadline as diplomats write it (the reminder with its weekday)`, () => {
      const circulation = circulationMessage({
        ...context(language, PERU),
        isInvitee: false,
        deadline: INSTANT,
        coveringNote: "The Secretariat … presents its compliments …",
      });
      expect(read(circulation.body)).toContain(expected.deadline);
      expect(read(circulation.body)).not.toMatch(expected.notRegister);
      const reminder = reminderMessage({ ...context(language, PERU), deadline: INSTANT, standing: "nothing" } as Parameters<typeof reminderMessage>[0]);
      // The mission's reminders write the instant in full, weekday included (app/lib/diplomatic-instant.ts).
      expect(read(reminder.body)).toContain(expected.formal);
      expect(read(reminder.body)).not.toMatch(expected.notRegister);
    });
  }

  it("isolates data for direction in Arabic only", () => {
    const arabic = receiptMessage({
      ...context("ar", PERU),
      receiptNumber: "CTOC-2020-PER-0001",
      revisionNumber: 1,
      submittedAt: INSTANT,
      submittedByName: null,
      submissionLanguage: "es",
      lateAfterDeadline: null,
    });
    expect(arabic.subject).toContain("\u2068CTOC-2020-PER-0001\u2069");
    const english = receiptMessage({
      ...context("en", PERU),
      receiptNumber: "CTOC-2020-PER-0001",
      revisionNumber: 1,
      submittedAt: INSTANT,
      submittedByName: null,
      submissionLanguage: "es",
      lateAfterDeadline: null,
    });
    expect(english.subject + english.body).not.toMatch(/[\u2068\u2069]/);
  });
});
