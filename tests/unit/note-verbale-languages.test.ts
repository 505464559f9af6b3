// The covering note verbale drafted in each of the six languages (issue 15): the UN's diplomatic
// formulas of the language, dates written out as diplomats write them, the deadline on the 24-hour
// clock with the zone named by its city, and which note each reader receives.
import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { coveringNoteFor } from "~/lib/covering-note";
import { formatInstant } from "~/lib/dates";
import { draftNoteVerbale, type NoteVerbaleInput } from "~/lib/note-verbale";

// The 2020 session of the Working Group on Technical Assistance, with its name and venue given in
// every language, as the secretariat can now give them.
const fixture: NoteVerbaleInput = {
  meeting: {
    body: "Working Group of Government Experts on Technical Assistance",
    parentBody: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
    venue: "Vienna",
    bodyTranslations: {
      ar: "الفريق العامل الحكومي الدولي المعني بالمساعدة التقنية",
      zh: "技术援助问题政府专家工作组",
      fr: "Groupe de travail d’experts gouvernementaux sur l’assistance technique",
      ru: "Рабочая группа правительственных экспертов по технической помощи",
      es: "Grupo de Trabajo de Expertos Gubernamentales sobre Asistencia Técnica",
    },
    venueTranslations: { ar: "فيينا", zh: "维也纳", fr: "Vienne", ru: "Вена", es: "Viena" },
    startDate: "2020-07-09",
    endDate: "2020-07-10",
    format: "hybrid",
    timeZone: "Europe/Vienna",
  },
  consultationTitle: "Discussion points for future consideration",
  reflectionApprovedOn: "2020-07-24",
  reflectionApprovalMethod: "silence procedure",
  agendaItemNumbers: ["2", "3"],
  // 18:00 in Vienna (CEST, UTC+2).
  deadline: new Date("2020-08-14T16:00:00Z"),
  parentSession: "Tenth session",
  parentSessionVenue: "Vienna",
  parentSessionStartDate: "2020-10-12",
  parentSessionEndDate: "2020-10-16",
  link: "https://nonpaper.example.org/consultations/1",
  place: "Vienna",
  date: "2020-07-31",
};

type Expected = {
  /** The opening: the sender presents its compliments to the addressees. */
  compliments: string[];
  /** "has the honour to …" */
  honour: string;
  /** The closing: avails itself of this opportunity to renew the assurances of its highest consideration. */
  closing: string[];
  /** Long dates: the meeting's days, the day of approval, the session's days, the place and date line. */
  dates: string[];
  /** The deadline sentence: long date, 24-hour time, the zone named by its city in the language. */
  deadline: string;
  /** The name of the treaty and of the parent body, in the language. */
  names: string[];
};

const expected: Record<Language, Expected> = {
  en: {
    compliments: [
      "The Secretariat of the United Nations Office on Drugs and Crime (UNODC) presents its compliments to the Permanent Missions of the States parties to the United Nations Convention against Transnational Organized Crime",
    ],
    honour: "and has the honour to refer to the meeting of the Working Group of Government Experts on Technical Assistance",
    closing: ["avails itself of this opportunity to renew to the Permanent Missions", "the assurances of its highest consideration."],
    dates: ["on 9 and 10 July 2020", "approved, by silence procedure, on 24 July 2020,", "from 12 to 16 October 2020", "Vienna, 31 July 2020"],
    deadline: "by 18:00 (Vienna time) on Friday, 14 August 2020,",
    names: ["The extended Bureau of the Conference of the Parties"],
  },
  fr: {
    compliments: [
      "Le Secrétariat de l’Office des Nations Unies contre la drogue et le crime (ONUDC) présente ses compliments aux missions permanentes des États parties à la Convention des Nations Unies contre la criminalité transnationale organisée",
    ],
    honour: "et a l’honneur de se référer à la réunion tenue en format hybride à Vienne",
    closing: ["saisit cette occasion pour renouveler aux missions permanentes", "les assurances de sa très haute considération."],
    dates: ["les 9 et 10 juillet 2020", "par procédure d’approbation tacite, le 24 juillet 2020,", "du 12 au 16 octobre 2020", "Vienne, le 31 juillet 2020"],
    deadline: "au plus tard le 14 août 2020, 18:00 (heure de Vienne),",
    names: ["Le Bureau élargi de la Conférence des Parties", "(Groupe de travail d’experts gouvernementaux sur l’assistance technique)"],
  },
  es: {
    compliments: [
      "La Secretaría de la Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC) saluda atentamente a las Misiones Permanentes de los Estados partes en la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional",
    ],
    honour: "y tiene el honor de referirse a la reunión celebrada en formato híbrido en Viena",
    closing: ["aprovecha la oportunidad para reiterar a las Misiones Permanentes", "las seguridades de su más alta consideración."],
    dates: [
      "los días 9 y 10 de julio de 2020",
      "mediante procedimiento de acuerdo tácito, el 24 de julio de 2020,",
      "del 12 al 16 de octubre de 2020",
      "Viena, 31 de julio de 2020",
    ],
    deadline: "a más tardar el 14 de agosto de 2020, 18:00 (hora de Viena),",
    names: ["La Mesa ampliada de la Conferencia de las Partes", "(Grupo de Trabajo de Expertos Gubernamentales sobre Asistencia Técnica)"],
  },
  ru: {
    compliments: [
      "Секретариат Управления Организации Объединённых Наций по наркотикам и преступности (УНП ООН) свидетельствует своё уважение постоянным представительствам государств — участников Конвенции Организации Объединённых Наций против транснациональной организованной преступности",
    ],
    honour: "и имеет честь сослаться на совещание (Рабочая группа правительственных экспертов по технической помощи; Вена, в гибридном формате",
    closing: ["пользуется случаем, чтобы возобновить постоянным представительствам", "уверения в своём самом высоком уважении."],
    dates: [
      "9 и 10 июля 2020 г.",
      "утвердило 24 июля 2020 г. путём применения процедуры отсутствия возражений",
      "(Вена, с 12 по 16 октября 2020 г.)",
      "Вена, 31 июля 2020 г.",
    ],
    deadline: "не позднее 14 августа 2020 г., 18:00 по венскому времени,",
    names: ["Расширенное Бюро Конференции участников"],
  },
  zh: {
    compliments: ["联合国毒品和犯罪问题办公室（毒品和犯罪问题办公室）秘书处向《联合国打击跨国有组织犯罪公约》各缔约国常驻代表团致意，"],
    honour: "并谨提及2020年7月9日和10日在维也纳以混合形式举行的技术援助问题政府专家工作组会议。",
    closing: ["秘书处借此机会向《联合国打击跨国有组织犯罪公约》各缔约国常驻代表团重申最崇高的敬意。"],
    dates: ["2020年7月9日和10日", "于2020年7月24日以默许程序方式核准", "将于2020年10月12日至16日在维也纳举行的", "维也纳，2020年7月31日"],
    deadline: "于2020年8月14日维也纳时间18:00前",
    names: ["缔约方会议扩大主席团"],
  },
  ar: {
    compliments: [
      "تهدي أمانة مكتب الأمم المتحدة المعني بالمخدرات والجريمة (المكتب) أطيب تحياتها إلى البعثات الدائمة للدول الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظَّمة عبر الوطنية،",
    ],
    honour: "وتتشرف بأن تشير إلى اجتماع الفريق العامل الحكومي الدولي المعني بالمساعدة التقنية المعقود بصيغة مختلطة في فيينا",
    closing: ["وتغتنم أمانة مكتب الأمم المتحدة المعني بالمخدرات والجريمة هذه الفرصة لتعرب مجدداً للبعثات الدائمة", "عن أسمى آيات تقديرها."],
    dates: ["يومي 9 و10 يوليو 2020", "عن طريق إجراء الموافقة الضمنية، في 24 يوليو 2020،", "في الفترة من 12 إلى 16 أكتوبر 2020", "فيينا، 31 يوليو 2020"],
    deadline: "في موعد أقصاه 14 أغسطس 2020، 18:00 بتوقيت فيينا،",
    names: ["المكتب الموسَّع لمؤتمر الأطراف"],
  },
};

describe("the note verbale in the six languages", () => {
  for (const language of LANGUAGE_CODES) {
    it(`${language}: the language's formulas, long dates and the deadline on the 24-hour clock with the city's zone`, () => {
      const note = draftNoteVerbale(fixture, language);
      const want = expected[language];
      const paragraphs = note.split("\n\n");
      expect(paragraphs).toHaveLength(8);
      // Compliments and honour open the note; the closing formula is its last sentence before the date line.
      for (const text of want.compliments) expect(paragraphs[0], language).toContain(text);
      expect(paragraphs[0], language).toContain(want.honour);
      for (const text of want.closing) expect(paragraphs[5], language).toContain(text);
      for (const text of [...want.dates, ...want.names]) expect(note, language).toContain(text);
      expect(note, language).toContain(want.deadline);
      // The deadline is the dates library's own form for the language (non-English), never a 12-hour clock.
      if (language !== "en") expect(note).toContain(formatInstant(fixture.deadline!, language, "Europe/Vienna"));
      expect(note).toContain("18:00");
      expect(note).not.toMatch(/\b6:00\b|\bPM\b|[٠-٩]|Europe\/Vienna/);
      expect(note).not.toMatch(/undefined|null|NaN|\{\{|note-verbale|paragraphs\./);
      expect(note).toContain(fixture.link!);
      expect(note).toContain(fixture.consultationTitle);
    });
  }

  it("writes every language's own sentences, never the English ones", () => {
    const english = draftNoteVerbale(fixture, "en").split("\n\n");
    for (const language of LANGUAGE_CODES.filter((l) => l !== "en")) {
      const note = draftNoteVerbale(fixture, language);
      for (const paragraph of english) expect(note, language).not.toContain(paragraph);
      expect(note, language).not.toMatch(/compliments to|has the honour|highest consideration|Enclosure/);
    }
    expect(draftNoteVerbale(fixture)).toBe(draftNoteVerbale(fixture, "en"));
  });

  it("marks missing facts and English data to translate with brackets, in each language", () => {
    const bare: NoteVerbaleInput = {
      ...fixture,
      meeting: { ...fixture.meeting, parentBody: null, venue: " ", bodyTranslations: {}, venueTranslations: {}, format: "in_person" },
      consultationTitle: "",
      reflectionApprovedOn: null,
      reflectionApprovalMethod: null,
      agendaItemNumbers: [],
      deadline: null,
      parentSession: null,
      parentSessionVenue: null,
      parentSessionStartDate: null,
      parentSessionEndDate: null,
      link: null,
      place: null,
      date: null,
    };
    const placeholders: Record<Language, string[]> = {
      en: ["[venue]", "[method of approval]", "[date of approval]", "[deadline]", "[session]", "[place], [date]", "“[title]”"],
      fr: ["[lieu]", "[mode d’approbation]", "le [date d’approbation]", "le [date limite]", "[session]", "[lieu], le [date]", "«\u00a0[titre]\u00a0»"],
      es: ["[lugar]", "[procedimiento de aprobación]", "el [fecha de aprobación]", "el [plazo]", "[período de sesiones]", "[lugar], [fecha]", "“[título]”"],
      ru: ["[место проведения]", "[способ утверждения]", "[дата утверждения]", "не позднее [срок]", "[сессия]", "[место], [дата]", "«[название]»"],
      zh: ["[地点]", "[核准方式]", "于[核准日期]", "于[截止时间]前", "[届会]", "[地点]，[日期]", "“[标题]”"],
      ar: ["[المكان]", "[طريقة الموافقة]", "في [تاريخ الموافقة]", "أقصاه [الموعد النهائي]", "[الدورة]", "[المكان]، [التاريخ]", "«[العنوان]»"],
    };
    for (const language of LANGUAGE_CODES) {
      const note = draftNoteVerbale(bare, language);
      for (const placeholder of placeholders[language]) expect(note, language).toContain(placeholder);
      expect(note, language).not.toMatch(/undefined|null|NaN|\{\{/);
    }
    // A session named in English only, a treaty and a method the drafts do not know: in brackets, to translate.
    const unknown = {
      ...fixture,
      meeting: { ...fixture.meeting, parentBody: "Conference of the Parties to the Arms Trade Treaty" },
      reflectionApprovalMethod: "written procedure",
    };
    const french = draftNoteVerbale(unknown, "fr");
    expect(french).toContain("des États parties à [the Arms Trade Treaty]");
    expect(french).toContain("par [written procedure]");
    expect(french).toContain("destiné à la [Tenth session] de la Conférence des Parties");
    // Addressed to all missions when the parent body is not a treaty's conference.
    const missions = { ...fixture, meeting: { ...fixture.meeting, parentBody: "Commission on Narcotic Drugs" } };
    expect(draftNoteVerbale(missions, "es")).toContain("saluda atentamente a las Misiones Permanentes ante las Naciones Unidas y tiene el honor");
    expect(draftNoteVerbale(missions, "ru")).toContain("свидетельствует своё уважение постоянным представительствам при Организации Объединённых Наций");
  });

  it("takes the body and venue in English where no translation is given, isolated inside Arabic", () => {
    const english = { ...fixture, meeting: { ...fixture.meeting, bodyTranslations: {}, venueTranslations: {} } };
    expect(draftNoteVerbale(english, "ar")).toContain(
      "اجتماع \u2068Working Group of Government Experts on Technical Assistance\u2069 المعقود بصيغة مختلطة في \u2068Vienna\u2069",
    );
    expect(draftNoteVerbale(english, "fr")).toContain(
      "tenue en format hybride à Vienna les 9 et 10 juillet 2020 (Working Group of Government Experts on Technical Assistance)",
    );
    // The link and the title are English data too.
    expect(draftNoteVerbale(fixture, "ar")).toContain(`\u2068${fixture.link}\u2069`);
  });

  it("says the shared month and year of a span once, in each language's order", () => {
    const across = { ...fixture, meeting: { ...fixture.meeting, startDate: "2020-06-30", endDate: "2020-07-02" } };
    expect(draftNoteVerbale(across, "en")).toContain("from 30 June to 2 July 2020.");
    expect(draftNoteVerbale(across, "fr")).toContain("du 30 juin au 2 juillet 2020");
    expect(draftNoteVerbale(across, "es")).toContain("del 30 de junio al 2 de julio de 2020");
    expect(draftNoteVerbale(across, "ru")).toContain("с 30 июня по 2 июля 2020 г.");
    expect(draftNoteVerbale(across, "zh")).toContain("2020年6月30日至7月2日");
    expect(draftNoteVerbale(across, "ar")).toContain("في الفترة من 30 يونيو إلى 2 يوليو 2020");
    const oneDay = { ...fixture, meeting: { ...fixture.meeting, endDate: "2020-07-09" } };
    expect(draftNoteVerbale(oneDay, "fr")).toContain("tenue en format hybride à Vienne le 9 juillet 2020");
    expect(draftNoteVerbale(oneDay, "zh")).toContain("并谨提及2020年7月9日在维也纳");
  });

  it("names one agenda item in the singular and several in the plural, with the language's list", () => {
    expect(draftNoteVerbale({ ...fixture, agendaItemNumbers: ["2"] }, "fr")).toContain(", au titre du point 2 de l’ordre du jour de la réunion.");
    expect(draftNoteVerbale({ ...fixture, agendaItemNumbers: ["2", "3", "4"] }, "fr")).toContain(", au titre des points 2, 3 et 4 de l’ordre du jour");
    expect(draftNoteVerbale(fixture, "es")).toContain(", en relación con los temas 2 y 3 del programa de la reunión.");
    expect(draftNoteVerbale(fixture, "ru")).toContain("в консультации с Секретариатом по пунктам 2 и 3 повестки дня совещания.");
    expect(draftNoteVerbale({ ...fixture, agendaItemNumbers: ["2"] }, "ru")).toContain("по пункту 2 повестки дня совещания.");
    expect(draftNoteVerbale(fixture, "zh")).toContain("拟订的关于会议议程项目2和3的讨论要点");
    expect(draftNoteVerbale(fixture, "ar")).toContain("بالتشاور مع الأمانة، في إطار البندين 2 و3 من جدول أعمال الاجتماع.");
    expect(draftNoteVerbale({ ...fixture, agendaItemNumbers: [] }, "zh")).toContain("协商拟订的讨论要点");
  });
});

describe("which note a reader receives", () => {
  const note = { english: "The English note.", translations: { fr: "La note française.", ar: "المذكرة العربية.", zh: "  " } };

  it("is the note in the reader's language when the secretariat prepared it, otherwise the English one", () => {
    expect(coveringNoteFor("fr", note)).toEqual({ text: "La note française.", language: "fr" });
    expect(coveringNoteFor("ar", note)).toEqual({ text: "المذكرة العربية.", language: "ar" });
    for (const language of ["en", "es", "ru", "zh", "de", ""]) {
      expect(coveringNoteFor(language, note), language).toEqual({ text: "The English note.", language: "en" });
    }
    expect(coveringNoteFor("fr", { english: "The English note.", translations: null })).toEqual({ text: "The English note.", language: "en" });
    // English is always the English note, whatever the translations hold.
    expect(coveringNoteFor("en", { english: "The English note.", translations: { en: "Another." } })).toEqual({ text: "The English note.", language: "en" });
  });
});
