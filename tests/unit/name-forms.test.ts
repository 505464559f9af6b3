// Names in their grammar: delegation names with their article and preposition in French and Spanish
// ({{delegation, of}}), whole sentences where counts or names were assembled from fragments, and data
// isolated for direction in Arabic emails.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import delegationData from "../../db/seed-data/delegations.json";
import { NotifySummary } from "~/components/circulation/notify-summary";
import { createI18n } from "~/i18n/i18next";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { LANGUAGES_WITH_NAME_FORMS, NAME_FORMS, nameForm } from "~/i18n/name-forms";
import { isolatedName, nameInSentence, type DelegationArticles, type DelegationNames } from "~/lib/delegation-names";
import { circulationMessage } from "~/lib/notification-text";
import { extensionMessage, languageName, receiptMessage, type SubmissionMessageContext } from "~/lib/submission-email";

const FSI = "\u2068";
const PDI = "\u2069";

/** A translation function of a real instance, loosely typed for keys given as data. */
const translator = (language: Language) => createI18n(language).getFixedT(language) as unknown as (key: string, options?: Record<string, unknown>) => string;

/** A delegation as the queries select it, from the seed data. */
function delegation(code: string): DelegationNames & DelegationArticles {
  const d = delegationData.find((row) => row.code === code)!;
  return {
    nameAr: d.names.ar,
    nameZh: d.names.zh,
    nameEn: d.names.en,
    nameFr: d.names.fr,
    nameRu: d.names.ru,
    nameEs: d.names.es,
    articleFr: d.articles.fr,
    articleEs: d.articles.es,
  };
}

describe("the forms of a name", () => {
  it("French: every article, its contraction with de, and elision where there is none", () => {
    const of = (name: string, article: string | null) => nameForm("of", "fr", name, article);
    expect(of("Pérou", "le")).toBe("du Pérou");
    expect(of("Chine", "la")).toBe("de la Chine");
    expect(of("Afghanistan", "l'")).toBe("de l’Afghanistan");
    expect(of("Afghanistan", "l’")).toBe("de l’Afghanistan");
    expect(of("Pays-Bas (Royaume des)", "les")).toBe("des Pays-Bas (Royaume des)");
    expect(of("Cuba", null)).toBe("de Cuba");
    expect(of("Israël", null)).toBe("d’Israël");
    expect(of("Oman", null)).toBe("d’Oman");
    expect(of("Haïti", null)).toBe("d’Haïti");
    expect(of("Îles Cook", null)).toBe("d’Îles Cook");
  });

  it("French: for and the", () => {
    expect(nameForm("for", "fr", "Pérou", "le")).toBe("pour le Pérou");
    expect(nameForm("for", "fr", "Chine", "la")).toBe("pour la Chine");
    expect(nameForm("for", "fr", "Union européenne", "l'")).toBe("pour l’Union européenne");
    expect(nameForm("for", "fr", "Philippines", "les")).toBe("pour les Philippines");
    expect(nameForm("for", "fr", "Israël", null)).toBe("pour Israël");
    expect(nameForm("the", "fr", "Pérou", "le")).toBe("le Pérou");
    expect(nameForm("the", "fr", "Afghanistan", "l'")).toBe("l’Afghanistan");
    expect(nameForm("the", "fr", "Cuba", null)).toBe("Cuba");
  });

  it("Spanish: del for el only, de before the other articles and before a name that begins with El", () => {
    const of = (name: string, article: string | null) => nameForm("of", "es", name, article);
    expect(of("Perú", "el")).toBe("del Perú");
    expect(of("Argentina", "la")).toBe("de la Argentina");
    expect(of("Estados Unidos de América", "los")).toBe("de los Estados Unidos de América");
    expect(of("Bahamas", "las")).toBe("de las Bahamas");
    expect(of("Cuba", null)).toBe("de Cuba");
    expect(of("El Salvador", null)).toBe("de El Salvador");
    expect(nameForm("for", "es", "Perú", "el")).toBe("para el Perú");
    expect(nameForm("for", "es", "Cuba", null)).toBe("para Cuba");
    expect(nameForm("the", "es", "Estados Unidos de América", "los")).toBe("los Estados Unidos de América");
  });

  it("keeps the data marks around the name only, and leaves the other languages' names as they are", () => {
    expect(nameForm("of", "fr", "Pérou", "le", true)).toBe(`du ${FSI}Pérou${PDI}`);
    expect(nameForm("of", "fr", "Israël", null, true)).toBe(`d’${FSI}Israël${PDI}`);
    expect(nameForm("of", "ru", "Перу", null)).toBe("Перу");
  });

  it("takes the article of the reader's language from the seed data, and prints as the bare name", () => {
    expect(nameInSentence(delegation("PER"), "fr")).toMatchObject({ name: "Pérou", article: "le" });
    expect(nameInSentence(delegation("PER"), "es")).toMatchObject({ name: "Perú", article: "el" });
    expect(nameInSentence(delegation("PER"), "ru")).toMatchObject({ name: "Перу", article: null });
    expect(String(nameInSentence(delegation("PER"), "fr"))).toBe("Pérou");
    expect(String(nameInSentence(delegation("PER"), "fr", { isolate: true }))).toBe(`${FSI}Pérou${PDI}`);
    expect(String(isolatedName(nameInSentence(delegation("CUB"), "es")))).toBe(`${FSI}Cuba${PDI}`);
  });
});

describe("the forms through i18next", () => {
  const t = (language: Language, key: string, options: Record<string, unknown>) => translator(language)(key, options);

  it("French and Spanish translations ask for the form; the others print the name as it is", () => {
    expect(t("fr", "submissions:editor.title", { delegation: nameInSentence(delegation("PER"), "fr") })).toBe("Observations du Pérou");
    expect(t("fr", "submissions:editor.title", { delegation: nameInSentence(delegation("CHN"), "fr") })).toBe("Observations de la Chine");
    expect(t("fr", "submissions:editor.title", { delegation: nameInSentence(delegation("AFG"), "fr") })).toBe("Observations de l’Afghanistan");
    expect(t("fr", "submissions:editor.title", { delegation: nameInSentence(delegation("ISR"), "fr") })).toBe("Observations d’Israël");
    expect(t("fr", "submissions:editor.title", { delegation: nameInSentence(delegation("CUB"), "fr") })).toBe("Observations de Cuba");
    expect(t("fr", "submissions:secretariat.table.extendFor", { delegation: nameInSentence(delegation("PER"), "fr") })).toBe(
      "Proroger la date limite pour le Pérou",
    );
    expect(t("es", "submissions:editor.title", { delegation: nameInSentence(delegation("PER"), "es") })).toBe("Observaciones del Perú");
    expect(t("es", "submissions:editor.title", { delegation: nameInSentence(delegation("USA"), "es") })).toBe("Observaciones de los Estados Unidos de América");
    expect(t("es", "submissions:secretariat.table.extendFor", { delegation: nameInSentence(delegation("PER"), "es") })).toBe("Prorrogar el plazo para el Perú");
    expect(t("es", "registrations:table.participationOf", { delegation: nameInSentence(delegation("CUB"), "es") })).toBe("Participación de Cuba");
    expect(t("en", "submissions:editor.title", { delegation: nameInSentence(delegation("PER"), "en") })).toBe("Comments of Peru");
    expect(t("ru", "submissions:secretariat.table.extendFor", { delegation: nameInSentence(delegation("PER"), "ru") })).toBe(
      "Продлить срок для делегации (Перу)",
    );
  });

  it("isolates the name, not its article, for <bdi> (withData)", () => {
    expect(t("fr", "submissions:review.title", { delegation: nameInSentence(delegation("PER"), "fr", { isolate: true }) })).toBe(
      `Vérifier les observations du ${FSI}Pérou${PDI}`,
    );
  });

  it("writes a plain string as a name that takes no article (a caller that forgot the article is visible)", () => {
    expect(t("fr", "submissions:editor.title", { delegation: "Pérou" })).toBe("Observations de Pérou");
  });

  it("the translations ask for the name forms on names only (a delegation's, a group's, a speaker's), in French and Spanish only", () => {
    const LOCALES = path.resolve(__dirname, "../../locales");
    type Tree = { [key: string]: string | Tree };
    const flatten = (tree: Tree, prefix = ""): [string, string][] =>
      Object.entries(tree).flatMap(([key, value]) =>
        typeof value === "string" ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
      );
    const isNameForm = (format: string) => (NAME_FORMS as readonly string[]).includes(format);
    // The values that are names with their article (NameInSentence): a delegation's, a group's, and
    // who a joint submission speaks for ("l’Égypte, au nom du Groupe des États d’Afrique", issue 19).
    const NAME_VALUES = ["delegation", "group", "speaker"];
    const found: string[] = [];
    let used = 0;
    for (const language of LANGUAGE_CODES)
      for (const file of readdirSync(path.join(LOCALES, language)).filter((f) => f.endsWith(".json")))
        for (const [key, text] of flatten(JSON.parse(readFileSync(path.join(LOCALES, language, file), "utf8")) as Tree))
          for (const [whole, name, format] of text.matchAll(/{{\s*(\w+)\s*,\s*([^}]*?)\s*}}/g)) {
            // Other formats (number) belong to other values; a name form belongs to a name, in French or Spanish.
            if (!isNameForm(format!) && !NAME_VALUES.includes(name!)) continue;
            used++;
            const ok = NAME_VALUES.includes(name!) && isNameForm(format!) && (LANGUAGES_WITH_NAME_FORMS as readonly string[]).includes(language);
            if (!ok) found.push(`${language}/${file} ${key}: ${whole}`);
          }
    expect(found).toEqual([]);
    expect(used).toBeGreaterThan(30);
  });
});

describe("whole sentences instead of fragments", () => {
  const summary = (language: Language, delegates: number, invitees: number, delegations: number) =>
    renderToStaticMarkup(
      createElement(I18nextProvider, { i18n: createI18n(language) }, createElement(NotifySummary, { delegates, invitees, delegations })),
    ).replace(/&#x27;/g, "'");

  it("the circulation summary in Russian agrees with 1, 2, 5 and 21 delegates", () => {
    expect(summary("ru", 1, 0, 1)).toBe(
      "1 делегат получит уведомление по электронной почте. Всего будет уведомлена 1 делегация. Письмо составлено на языке получателя и содержит срок и эту сопроводительную вербальную ноту.",
    );
    expect(summary("ru", 2, 0, 2)).toMatch(/^2 делегата получат уведомление по электронной почте\. Всего будут уведомлены 2 делегации\. Каждое письмо/);
    expect(summary("ru", 5, 0, 5)).toMatch(/^5 делегатов получат уведомление по электронной почте\. Всего будет уведомлено 5 делегаций\. Каждое письмо/);
    // 21 takes the forms of 1, but the message is not a single one.
    expect(summary("ru", 21, 0, 21)).toMatch(/^21 делегат получит уведомление по электронной почте\. Всего будет уведомлена 21 делегация\. Каждое письмо/);
    expect(summary("ru", 5, 1, 3)).toMatch(
      /^5 делегатов получат .*\. 1 приглашённое лицо, ещё не вошедшее в систему, получит уведомление по электронной почте\. /,
    );
    expect(summary("ru", 5, 2, 3)).toContain("2 приглашённых лица, ещё не вошедших в систему, получат уведомление");
  });

  it("the circulation summary in Arabic: one and two without a numeral, 3–10 and 11–99 in their own forms", () => {
    expect(summary("ar", 1, 0, 1)).toBe(
      "سيتلقى مندوب واحد إشعارًا بالبريد الإلكتروني. وسيُبلَّغ بذلك وفد واحد في المجموع. وتُحرَّر الرسالة بلغة المتلقي، وتتضمن الموعد النهائي وهذه المذكرة الشفوية المصاحبة.",
    );
    expect(summary("ar", 2, 0, 2)).toMatch(/^سيتلقى مندوبان إشعارًا بالبريد الإلكتروني\. وسيُبلَّغ بذلك وفدان في المجموع\. وتُحرَّر كل رسالة/);
    expect(summary("ar", 5, 0, 5)).toMatch(/^سيتلقى 5 مندوبين إشعارًا بالبريد الإلكتروني\. وسيُبلَّغ بذلك 5 وفود في المجموع\./);
    expect(summary("ar", 21, 0, 21)).toMatch(/^سيتلقى 21 مندوبًا إشعارًا بالبريد الإلكتروني\. وسيُبلَّغ بذلك 21 وفدًا في المجموع\./);
  });

  it("the circulation summary in every language: whole sentences, no count of zero, nothing left unresolved", () => {
    expect(summary("en", 3, 1, 2)).toBe(
      "3 delegates will be notified by email. 1 invited person who has not yet signed in will be notified by email. In all, 2 delegations will be informed. Each email is written in its recipient's own language and gives the deadline and this covering note.",
    );
    expect(summary("en", 0, 2, 1)).toMatch(/^2 invited people who have not yet signed in will be notified by email\. In all, 1 delegation will be informed\./);
    expect(summary("fr", 1, 0, 1)).toBe(
      "1 délégué sera averti par courriel. Au total, 1 délégation sera informée. Le courriel, rédigé dans la langue de son destinataire, indique la date limite et contient cette note verbale d’accompagnement.",
    );
    expect(summary("es", 2, 1, 1)).toMatch(
      /^2 delegados recibirán un aviso .*\. 1 persona invitada que aún no ha iniciado sesión recibirá un aviso .*\. En total, se informará a 1 delegación\./,
    );
    for (const language of LANGUAGE_CODES) {
      for (const [delegates, invitees, delegations] of [
        [1, 0, 1],
        [2, 3, 2],
        [21, 0, 5],
        [0, 0, 0],
      ] as const) {
        const text = summary(language, delegates, invitees, delegations);
        expect(text, language).not.toMatch(/{{|summary\.|undefined/);
        if (delegates === 0 && invitees === 0) expect(text).toBe(translator(language)("circulation:summary.notifyNobody"));
      }
    }
  });

  it("agenda items and sections each have their own sentences (no « du section », « el sección »)", () => {
    const fr = { t: translator("fr") };
    const es = { t: translator("es") };
    expect(fr.t("agenda:pointNameUnnumbered", { label: "(a)", title: "Général" })).toBe("point de discussion (a) de la section «\u00A0Général\u00A0»");
    expect(fr.t("agenda:pointName", { label: "(a)", number: "3" })).toBe("point de discussion (a) du point 3 de l’ordre du jour");
    expect(fr.t("agenda:confirm.deleteItemUnnumberedWithPoints", { title: "Général", count: 3 })).toBe(
      "Supprimer la section «\u00A0Général\u00A0» et ses 3 points de discussion\u202F?",
    );
    expect(fr.t("agenda:confirm.deleteItemWithPoints", { number: "3", count: 1 })).toBe(
      "Supprimer le point 3 de l’ordre du jour et son point de discussion\u202F?",
    );
    expect(es.t("agenda:confirm.deleteItemUnnumbered", { title: "General" })).toBe("¿Eliminar la sección «General»?");
    expect(es.t("agenda:confirm.deletePoint", { label: "(a)", number: "3" })).toBe("¿Eliminar el punto (a) del tema 3 del programa?");
    expect(translator("ru")("agenda:confirm.deleteItemWithPoints", { number: "3", count: 5 })).toBe(
      "Удалить пункт 3 повестки дня и 5 вопросов для обсуждения в нём?",
    );
    expect(translator("ar")("agenda:confirm.deleteItemWithPoints", { number: "3", count: 2 })).toBe(`هل تريد حذف البند ${FSI}3${PDI} من جدول الأعمال ونقطتيه؟`);
    for (const language of LANGUAGE_CODES) {
      const t = translator(language);
      for (const [key, options] of [
        ["agenda:itemName", { number: "3" }],
        ["agenda:itemNameUnnumbered", { title: "T" }],
        ["agenda:pointName", { label: "(a)", number: "3" }],
        ["agenda:pointNameUnnumbered", { label: "(a)", title: "T" }],
        ["agenda:confirm.deleteItem", { number: "3" }],
        ["agenda:confirm.deleteItemUnnumbered", { title: "T" }],
        ["agenda:confirm.deleteItemWithPoints", { number: "3", count: 2 }],
        ["agenda:confirm.deleteItemUnnumberedWithPoints", { title: "T", count: 2 }],
        ["agenda:confirm.deletePoint", { label: "(a)", number: "3" }],
        ["agenda:confirm.deletePointUnnumbered", { label: "(a)", title: "T" }],
        ["agenda:editor.summary", { items: 3, points: 12 }],
        ["circulation:checklist.points.ok", { count: 12 }],
        ["circulation:checklist.points.items", { count: 3 }],
        ["circulation:notifications.summary", { sent: 3, pending: 1, failed: 0 }],
      ] as const) {
        const text = t(key, options);
        expect(text, `${language} ${key}`).not.toMatch(/{{|agenda:|circulation:|undefined/);
        for (const value of Object.values(options))
          if (key.endsWith("summary") || typeof value === "string") expect(text, `${language} ${key}`).toContain(String(value));
      }
    }
  });
});

describe("emails: names in their grammar, data isolated in Arabic", () => {
  const peru = delegation("PER");
  const context = (language: Language): SubmissionMessageContext => ({
    language,
    recipientName: "Lucía Fernández",
    delegationName: nameInSentence(peru, language),
    consultationTitle: "Discussion points for future consideration",
    meetingName: "Working Group of Government Experts on Technical Assistance, Vienna, 9–10 July 2020",
    meetingTimeZone: "Europe/Vienna",
    recipientTimeZone: null,
    link: null,
  });
  const receipt = {
    receiptNumber: "CTOC-2020-PER-0007",
    revisionNumber: 1,
    submittedAt: new Date("2020-08-10T09:30:00Z"),
    submittedByName: "Lucía Fernández",
    submissionLanguage: "es" as const,
    lateAfterDeadline: null,
  };

  it("French and Spanish subjects give the name its article", () => {
    expect(receiptMessage({ ...context("fr"), ...receipt }).subject).toBe("Accusé de réception CTOC-2020-PER-0007\u00A0: observations du Pérou");
    expect(receiptMessage({ ...context("es"), ...receipt }).subject).toBe("Acuse de recibo CTOC-2020-PER-0007: observaciones del Perú");
    expect(extensionMessage({ ...context("es"), until: new Date("2020-08-20T16:00:00Z") }).subject).toBe("Plazo prorrogado para el Perú");
    expect(extensionMessage({ ...context("fr"), until: new Date("2020-08-20T16:00:00Z") }).subject).toBe("Date limite prorogée pour le Pérou");
  });

  it("an Arabic email isolates every value put into a sentence; the other languages carry no marks", () => {
    const ar = receiptMessage({ ...context("ar"), ...receipt });
    expect(ar.subject).toBe(`الإيصال ${FSI}CTOC-2020-PER-0007${PDI}: تعليقات ${FSI}بيرو${PDI}`);
    expect(ar.body).toContain(`${FSI}Lucía Fernández${PDI}`);
    expect(ar.body).toContain(`(${FSI}بيرو${PDI})`);
    // English data on a line of its own is left as it is.
    expect(ar.body.split("\n")).toContain(context("ar").consultationTitle);
    const circulation = circulationMessage({
      language: "ar",
      recipientName: null,
      isInvitee: false,
      delegationName: nameInSentence(peru, "ar"),
      consultationTitle: "Discussion points, for future consideration",
      meetingName: "Working Group",
      deadline: new Date("2020-08-14T16:00:00Z"),
      meetingTimeZone: "Europe/Vienna",
      recipientTimeZone: null,
      link: "https://nonpaper.example.org/consultations/1",
      coveringNote: "Note",
    });
    expect(circulation.subject).toContain(`${FSI}Discussion points, for future consideration${PDI}`);
    for (const language of LANGUAGE_CODES.filter((l) => l !== "ar")) {
      const { subject, body } = receiptMessage({ ...context(language), ...receipt });
      expect(`${subject}${body}`, language).not.toMatch(/[\u2068\u2069]/);
    }
  });

  it("names the language of the comments as the interface does (Chinese 西班牙文, not 西班牙语)", () => {
    expect(languageName("es", "zh")).toBe("西班牙文");
    expect(receiptMessage({ ...context("zh"), ...receipt }).body).toContain("西班牙文");
    expect(languageName("ar", "en")).toBe("Arabic");
  });
});
