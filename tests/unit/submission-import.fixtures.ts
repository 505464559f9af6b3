// Notes verbales as missions send them by email, for the submission import tests: the 2020 and
// 2023 consultations of the demo (points from the reference reports), and one note per language
// with the target a careful officer would give each paragraph. Each note is built as a DOCX with
// the `docx` package (Word heading styles, bold lines, right-to-left paragraphs for Arabic) and as
// pasted text.

import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, type FileChild } from "docx";
import type { ImportConsultation, ImportTarget } from "~/lib/submission-import";

const POINTS_2020: [string, string][] = [
  [
    "(a)",
    "States, which have not yet done so, should update their legislative records in the SHERLOC knowledge management portal, including for purposes of the mechanism for the review of the implementation of the Organized Crime Convention and the Protocols thereto.",
  ],
  [
    "(b)",
    "Subject to availability of extrabudgetary resources, UNODC should develop a dissemination plan to raise awareness on the usefulness of the SHERLOC knowledge management portal.",
  ],
  [
    "(c)",
    "States may wish to consider inviting UNODC to assist, subject to the availability of extrabudgetary resources, in capacity-building activities of national judicial institutions, including providing training on the use of SHERLOC portal as a source of information on domestic legislation and jurisprudence from various jurisdictions.",
  ],
  [
    "(d)",
    "States may wish to consider developing, publishing and providing to the Secretariat for publication on SHERLOC explanatory material on legislation, such as explanatory memorandums developed during the introduction of the legislation, summarized legislative manuals or briefs, which consolidate relevant provisions of all applicable national legislation on organized crime.",
  ],
  [
    "(e)",
    "Subject to availability of extrabudgetary resources, UNODC should consider expanding the SHERLOC knowledge management portal to include information on informal assistance and opinions of courts.",
  ],
  [
    "(f)",
    "Subject to availability of extrabudgetary resources, UNODC should continue to gather, disseminate and analyse information on the implementation of the Convention, with a focus on successful practices and the difficulties encountered by States, and develop technical assistance tools on the basis of the information gathered.",
  ],
  [
    "(g)",
    "States may wish to consider providing extrabudgetary resources for the further development and maintenance of the SHERLOC knowledge management portal to promote the implementation of the Organized Crime Convention and the Protocols thereto and strengthen the exchange of lessons learned and challenges in the implementation of those instruments.",
  ],
];

/** The July 2020 session: agenda item 2 with points (a)–(g), items 3 and 4 without points. */
export const consultation2020: ImportConsultation = {
  agendaItems: [
    {
      id: "item-2",
      number: "2",
      title:
        "Updating the legislative records of States parties in preparation for the Mechanism for the Review of the Implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto",
      points: POINTS_2020.map(([label, text]) => ({ id: `point-${label[1]}`, label, text })),
    },
    {
      id: "item-3",
      number: "3",
      title: "Application of the United Nations Convention against Transnational Organized Crime in domestic jurisprudence",
      points: [],
    },
    { id: "item-4", number: "4", title: "Other matters", points: [] },
  ],
};

/** The May 2023 session: recommendations numbered through the report, the first in a section without a number. */
export const consultation2023: ImportConsultation = {
  agendaItems: [
    {
      id: "general",
      number: null,
      title: "General recommendations",
      points: [
        {
          id: "rec-1",
          label: "Recommendation 1",
          text: "Parties are encouraged to provide UNODC with extrabudgetary resources for the implementation of the technical assistance activities outlined in the dissemination plan for SHERLOC, developed pursuant to resolution 11/2, entitled “Implementation of the provisions on technical assistance of the United Nations Convention against Transnational Organized Crime”, of the Conference of the Parties to the Convention.",
        },
      ],
    },
    {
      id: "review",
      number: "2",
      title:
        "Recommendations on matters pertaining to the Mechanism for the Review of the Implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto",
      points: [
        {
          id: "rec-2",
          label: "Recommendation 2",
          text: "Parties are encouraged to make voluntary contributions to UNODC in order to ensure that the secretariat of the Review Mechanism has adequate financial, technical and human resources to effectively support the participation of all parties in the Mechanism.",
        },
        {
          id: "rec-3",
          label: "Recommendation 3",
          text: "Parties are encouraged to consider paragraph 51 of the procedures and rules for the functioning of the Review Mechanism in order to address challenges relating to multilingualism and translation in the review process.",
        },
        {
          id: "rec-4",
          label: "Recommendation 4",
          text: "Parties should consider providing extrabudgetary resources to UNODC to support the further development of the secure module of SHERLOC known as “RevMod” to improve its functionalities in order to facilitate the timely and smooth conduct of country reviews online, including through automated notifications of missed deadlines and other key communications.",
        },
        {
          id: "rec-5",
          label: "Recommendation 5",
          text: "Parties should consider providing extrabudgetary resources to UNODC in order to enable it to respond to requests for legislative assistance to prevent and combat organized crime, including with regard to observations emanating from the Review Mechanism and through information gathering and dissemination by way of SHERLOC.",
        },
        {
          id: "rec-6",
          label: "Recommendation 6",
          text: "Parties that have not yet done so are strongly encouraged to nominate a national focal point for the Review Mechanism and keep that information up to date.",
        },
      ],
    },
  ],
};

/**
 * How a paragraph looks in Word: a heading style, a bold line, body text, an item of a numbered
 * list (its label is Word's, not in the text), or a cell of a table row (consecutive cells with
 * the same `row` make one row; consecutive rows one table).
 */
export type Look = "h1" | "h2" | "bold" | "p" | "li" | "cell";

/**
 * Expected targets, short: "skip", "general:item-2", "point:point-a", "amendment:point-b",
 * "proposal:item-2:(a)".
 */
export type Expected = string;

export type NoteParagraph = { look: Look; text: string; expected: Expected; row?: number };

export type Note = { name: string; rightToLeft?: boolean; consultation: ImportConsultation; paragraphs: NoteParagraph[] };

const p = (text: string, expected: Expected): NoteParagraph => ({ look: "p", text, expected });
const h1 = (text: string, expected: Expected = "skip"): NoteParagraph => ({ look: "h1", text, expected });
const h2 = (text: string, expected: Expected = "skip"): NoteParagraph => ({ look: "h2", text, expected });
const bold = (text: string, expected: Expected = "skip"): NoteParagraph => ({ look: "bold", text, expected });
const li = (text: string, expected: Expected): NoteParagraph => ({ look: "li", text, expected });
const row = (n: number, ...cells: [string, Expected][]): NoteParagraph[] => cells.map(([text, expected]) => ({ look: "cell", text, expected, row: n }));

/** Peru, in Spanish: a general comment, comments on (a) and (c), an amendment to (b) in English. */
export const peruNote: Note = {
  name: "Peru (es)",
  consultation: consultation2020,
  paragraphs: [
    bold("MISIÓN PERMANENTE DEL PERÚ ANTE LOS ORGANISMOS INTERNACIONALES CON SEDE EN VIENA"),
    p("Nota N° 5-12-M/087", "skip"),
    p(
      "La Misión Permanente del Perú ante los Organismos Internacionales con sede en Viena saluda muy atentamente a la Secretaría de la Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC) y tiene el honor de remitir los comentarios del Perú sobre los puntos de debate del Grupo de Trabajo de Expertos Gubernamentales en Asistencia Técnica.",
      "skip",
    ),
    h1("Tema 2 del programa: Actualización de los registros legislativos de los Estados partes"),
    p(
      "El Perú acoge con beneplácito los puntos de debate preparados por la Presidencia y reitera la importancia del portal de gestión de conocimientos SHERLOC para la cooperación internacional.",
      "general:item-2",
    ),
    p(
      "(a) El Perú apoya este punto. Nuestro país actualizó su registro legislativo en el portal SHERLOC en marzo de 2020 y alienta a los demás Estados a hacer lo mismo.",
      "point:point-a",
    ),
    p("Asimismo, sugiere que la Secretaría envíe recordatorios periódicos a las autoridades nacionales competentes.", "point:point-a"),
    p("(b) El Perú propone la siguiente redacción:", "point:point-b"),
    p(
      "“Subject to availability of extrabudgetary resources, UNODC should develop and implement a dissemination plan to raise awareness on the usefulness of the SHERLOC knowledge management portal in all official languages of the United Nations.”",
      "amendment:point-b",
    ),
    p("La difusión en los seis idiomas oficiales permitiría que más autoridades nacionales utilicen el portal.", "point:point-b"),
    p(
      "(c) El Perú considera que las actividades de capacitación deberían incluir también a fiscales y a funcionarios de policía, y no solo a jueces.",
      "point:point-c",
    ),
    p(
      "La Misión Permanente del Perú ante los Organismos Internacionales con sede en Viena hace propicia la oportunidad para renovar a la Secretaría de la UNODC las seguridades de su más alta y distinguida consideración.",
      "skip",
    ),
    p("Viena, 10 de agosto de 2020", "skip"),
    p("A la Secretaría de la Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC)", "skip"),
  ],
};

/** Morocco, in Arabic: points lettered (أ) and (ج), and a new proposal. */
export const moroccoNote: Note = {
  name: "Morocco (ar)",
  rightToLeft: true,
  consultation: consultation2020,
  paragraphs: [
    p(
      "تهدي البعثة الدائمة للمملكة المغربية لدى الأمم المتحدة والمنظمات الدولية في فيينا أطيب تحياتها إلى أمانة مكتب الأمم المتحدة المعني بالمخدرات والجريمة، وتتشرف بأن تحيل إليها طيه تعليقات المملكة المغربية على نقاط المناقشة.",
      "skip",
    ),
    h1("البند 2 من جدول الأعمال"),
    p("(أ) تؤيد المملكة المغربية هذه النقطة، وتشير إلى أنها قامت بتحديث سجلاتها التشريعية في بوابة شيرلوك لإدارة المعارف.", "point:point-a"),
    p("(ج) تقترح المملكة المغربية أن تشمل أنشطة بناء القدرات تدريب القضاة وأعضاء النيابة العامة على استخدام البوابة.", "point:point-c"),
    p("وتؤكد المملكة المغربية على أهمية توفير هذه الأنشطة التدريبية باللغة العربية.", "point:point-c"),
    bold("مقترح جديد"),
    p("(أ) ينبغي للمكتب، رهنا بتوافر موارد من خارج الميزانية، أن يعد دليلا عمليا بشأن استخدام بوابة شيرلوك في التعاون الدولي.", "proposal:item-2:(a)"),
    p("وتغتنم البعثة الدائمة للمملكة المغربية هذه الفرصة لتعرب لأمانة مكتب الأمم المتحدة المعني بالمخدرات والجريمة عن أسمى عبارات التقدير والاحترام.", "skip"),
    p("فيينا، في 12 أغسطس 2020", "skip"),
  ],
};

/** France, in French: a general comment on agenda item 2, a new proposal, a word on item 3. */
export const franceNote: Note = {
  name: "France (fr)",
  consultation: consultation2020,
  paragraphs: [
    p(
      "La Mission permanente de la France auprès de l’Office des Nations Unies et des organisations internationales à Vienne présente ses compliments au Secrétariat de l’Office des Nations Unies contre la drogue et le crime (ONUDC) et a l’honneur de lui faire parvenir, ci-après, les observations de la France sur les points de discussion du Groupe de travail.",
      "skip",
    ),
    h1("Point 2 de l’ordre du jour"),
    p("La France remercie la Présidence pour ces points de discussion, qui reflètent fidèlement les échanges du Groupe de travail.", "general:item-2"),
    p(
      "Elle souligne que la mise à jour des informations législatives dans SHERLOC est une condition préalable au bon fonctionnement du Mécanisme d’examen.",
      "general:item-2",
    ),
    h2("Nouvelle proposition"),
    p(
      "La France propose d’ajouter le point suivant : « Les États sont encouragés à désigner un point de contact national chargé de la mise à jour de leurs informations législatives dans SHERLOC. »",
      "proposal:item-2:(a)",
    ),
    h1("Point 3 de l’ordre du jour"),
    p("La France n’a pas d’observations sur ce point à ce stade.", "general:item-3"),
    p(
      "La Mission permanente de la France saisit cette occasion pour renouveler au Secrétariat de l’ONUDC les assurances de sa très haute considération.",
      "skip",
    ),
    p("Vienne, le 11 août 2020", "skip"),
  ],
};

/** The United States, in English, with no labels or headings: the quoted wording says which point. */
export const usaNote: Note = {
  name: "United States (en)",
  consultation: consultation2020,
  paragraphs: [
    p(
      "The Permanent Mission of the United States of America to the International Organizations in Vienna presents its compliments to the Secretariat of the United Nations Office on Drugs and Crime and has the honor to submit the following comments on the discussion points for future consideration.",
      "skip",
    ),
    p("The United States thanks the Chair for preparing the discussion points and offers the following comments.", "general:item-2"),
    p(
      "The United States strongly supports the call for States “which have not yet done so, should update their legislative records in the SHERLOC knowledge management portal” and notes that up-to-date records will assist the review process.",
      "point:point-a",
    ),
    p("The United States proposes that the following text replace the current wording:", "point:point-e"),
    p(
      "Subject to availability of extrabudgetary resources, UNODC should consider expanding the SHERLOC knowledge management portal to include information on informal assistance, practice in mutual legal assistance and relevant opinions of courts.",
      "amendment:point-e",
    ),
    p("Such information would help practitioners identify the appropriate channel for their requests.", "point:point-e"),
    p(
      "The United States would welcome further details on the cost of the proposal that UNODC develop technical assistance tools on the basis of the information gathered.",
      "point:point-f",
    ),
    p(
      "The Permanent Mission of the United States of America avails itself of this opportunity to renew to the Secretariat the assurances of its highest consideration.",
      "skip",
    ),
  ],
};

/** The Russian Federation, in Russian, on the 2023 recommendations. */
export const russiaNote: Note = {
  name: "Russian Federation (ru)",
  consultation: consultation2023,
  paragraphs: [
    p(
      "Постоянное представительство Российской Федерации при международных организациях в Вене свидетельствует своё уважение Секретариату Управления Организации Объединённых Наций по наркотикам и преступности и имеет честь препроводить замечания Российской Федерации по рекомендациям Рабочей группы.",
      "skip",
    ),
    bold("Общие замечания"),
    p("Российская Федерация считает, что рекомендации должны учитывать ограниченность ресурсов Управления.", "general:general"),
    h2("Рекомендация 4"),
    p("Российская Федерация поддерживает эту рекомендацию.", "point:rec-4"),
    p(
      "Рекомендация 6. Российская Федерация предлагает уточнить, что назначение национальных координаторов осуществляется в соответствии с внутренним законодательством.",
      "point:rec-6",
    ),
    p("Постоянное представительство пользуется случаем, чтобы возобновить Секретариату уверения в своём высоком уважении.", "skip"),
  ],
};

/** China, in Chinese, on the 2023 recommendations, with a new proposal. */
export const chinaNote: Note = {
  name: "China (zh)",
  consultation: consultation2023,
  paragraphs: [
    p("中华人民共和国常驻维也纳联合国和其他国际组织代表团向联合国毒品和犯罪问题办公室秘书处致意，并谨转交中方对工作组建议的意见。", "skip"),
    h2("建议4"),
    p("中方支持该建议。", "point:rec-4"),
    p("关于建议5，中方认为技术援助应当尊重各国的司法主权。", "point:rec-5"),
    bold("新提案"),
    p("（a）工作组应考虑编写关于电子证据的技术援助工具。", "proposal:review:(a)"),
    p("代表团顺致崇高敬意。", "skip"),
  ],
};

export const NOTES: readonly Note[] = [peruNote, moroccoNote, franceNote, usaNote, russiaNote, chinaNote];

// Notes written after the heuristics, to measure them: a comment matrix in a table, Russian
// letters, proposals as a Word list, a paragraph on two points, a general remark after point
// comments, references inside sentences, Arabic-Indic digits. On their first run they scored
// 25/27 (the first three) and 35/36 (the last three); each miss became a fix and a test.

/** The European Union, in English: a comment matrix (point, circulated text, comment). */
export const euMatrixNote: Note = {
  name: "European Union (en, table)",
  consultation: consultation2020,
  paragraphs: [
    p(
      "The Delegation of the European Union to the International Organisations in Vienna presents its compliments to the Secretariat of the United Nations Office on Drugs and Crime and has the honour to transmit the comments of the European Union and its Member States in the table below.",
      "skip",
    ),
    ...row(0, ["Point", "skip"], ["Circulated text", "skip"], ["Comments of the EU and its Member States", "skip"]),
    ...row(1, ["(a)", "skip"], [POINTS_2020[0]![1], "skip"], ["The EU and its Member States support this point.", "point:point-a"]),
    ...row(
      2,
      ["(d)", "skip"],
      [POINTS_2020[3]![1], "skip"],
      ["The EU suggests that the Secretariat also publish such material in a searchable format.", "point:point-d"],
    ),
    ...row(
      3,
      ["(g)", "skip"],
      [
        "States may wish to consider providing extrabudgetary resources for the further development and maintenance of the SHERLOC knowledge management portal to promote the implementation of the Organized Crime Convention and the Protocols thereto and to strengthen the exchange of lessons learned, good practices and challenges in the implementation of those instruments.",
        "amendment:point-g",
      ],
      ["Good practices are as useful as challenges.", "point:point-g"],
    ),
    p("More generally, the European Union recalls that all activities should be carried out within existing resources.", "general:item-2"),
    p(
      "The Delegation of the European Union avails itself of this opportunity to renew to the Secretariat the assurances of its highest consideration.",
      "skip",
    ),
  ],
};

/** The Russian Federation, in Russian, lettering the 2020 points in Cyrillic: (а), (б), (в). */
export const russiaLettersNote: Note = {
  name: "Russian Federation (ru, Cyrillic letters)",
  consultation: consultation2020,
  paragraphs: [
    h1("Пункт 2 повестки дня"),
    p("(а) Российская Федерация поддерживает данный пункт.", "point:point-a"),
    p("(б) Российская Федерация предлагает исключить слова «Subject to availability of extrabudgetary resources».", "point:point-b"),
    p("(в) Подготовка кадров должна проводиться по запросу государств.", "point:point-c"),
    p("Что касается пунктов (д) и (е), Российская Федерация считает их преждевременными.", "point:point-e"),
  ],
};

/** Spain, in Spanish: comments on two points in one paragraph, and proposals as a Word numbered list. */
export const spainListNote: Note = {
  name: "Spain (es, list)",
  consultation: consultation2020,
  paragraphs: [
    h1("Tema 2 del programa"),
    p("En cuanto a los puntos (d) y (g), España considera que deberían fusionarse.", "point:point-d"),
    p(
      "España propone la siguiente redacción del punto (f): “Subject to availability of extrabudgetary resources, UNODC should continue to gather, disseminate and analyse information on the implementation of the Convention and develop technical assistance tools on the basis of the information gathered.”",
      "amendment:point-f",
    ),
    bold("Nuevas propuestas"),
    li("Los Estados deberían intercambiar información sobre sus autoridades centrales.", "proposal:item-2:(a)"),
    li("La UNODC debería organizar seminarios regionales sobre el uso de SHERLOC.", "proposal:item-2:(b)"),
    p("Madrid, 12 de agosto de 2020", "skip"),
  ],
};

/** China, in Chinese, on the 2020 points: "关于(c)点", an English amendment, arguments numbered 1., 2. */
export const chinaPointsNote: Note = {
  name: "China (zh, 2020)",
  consultation: consultation2020,
  paragraphs: [
    p("中华人民共和国常驻维也纳代表团向联合国毒品和犯罪问题办公室秘书处致意，并谨就讨论要点提出以下意见。", "skip"),
    h1("议程项目2"),
    p("关于(c)点，中方认为能力建设活动应根据请求国的需要开展。", "point:point-c"),
    p("1. 培训应使用联合国六种正式语文。", "point:point-c"),
    p("2. 培训内容应由请求国与办公室协商确定。", "point:point-c"),
    p("中方建议将(d)点修改如下：", "point:point-d"),
    p(
      "States may wish to consider developing, publishing and providing to the Secretariat for publication on SHERLOC, on a voluntary basis, explanatory material on legislation, such as explanatory memorandums developed during the introduction of the legislation.",
      "amendment:point-d",
    ),
    h1("议程项目3"),
    p("中方欢迎秘书处关于国内判例适用公约情况的背景文件。", "general:item-3"),
    p("顺致崇高敬意。", "skip"),
  ],
};

/** Kuwait, in Arabic, on the 2023 recommendations, with Arabic-Indic digits. */
export const kuwaitNote: Note = {
  name: "Kuwait (ar, 2023)",
  rightToLeft: true,
  consultation: consultation2023,
  paragraphs: [
    p(
      "تهدي البعثة الدائمة لدولة الكويت لدى الأمم المتحدة في فيينا تحياتها إلى أمانة مكتب الأمم المتحدة المعني بالمخدرات والجريمة، وتتشرف بأن تحيل إليها ملاحظات دولة الكويت على توصيات الفريق العامل.",
      "skip",
    ),
    h2("التوصية ٤"),
    p("تؤيد دولة الكويت هذه التوصية وتدعو إلى تطوير الوحدة الآمنة بجميع اللغات الرسمية.", "point:rec-4"),
    p("التوصية ٦: ترى دولة الكويت ضرورة أن يتم تعيين جهات الاتصال وفقا للتشريعات الوطنية.", "point:rec-6"),
    p("وفيما يتعلق بالتوصية ٢، تود دولة الكويت التأكيد على الطابع الطوعي للمساهمات.", "point:rec-2"),
    p("وتفضلوا بقبول فائق الاحترام والتقدير.", "skip"),
  ],
};

/** France again, in French, referring to points inside sentences: "S’agissant du point e)". */
export const franceInlineNote: Note = {
  name: "France (fr, inline references)",
  consultation: consultation2020,
  paragraphs: [
    p("S’agissant du point e), la France est favorable à l’inclusion d’informations sur l’entraide informelle.", "point:point-e"),
    p("Au point g), la France propose de remplacer « further development » par « development ».", "point:point-g"),
    p("Ces modifications n’ont pas d’incidence financière.", "point:point-g"),
    h1("Observations générales"),
    p("La France rappelle l’importance du multilinguisme dans tous les travaux du Groupe.", "general:item-2"),
  ],
};

export const HELD_OUT_NOTES: readonly Note[] = [euMatrixNote, russiaLettersNote, spainListNote, chinaPointsNote, kuwaitNote, franceInlineNote];

/** The short form of a target, to compare with `Expected`. */
export function describeTarget(target: ImportTarget): Expected {
  switch (target.kind) {
    case "skip":
      return "skip";
    case "general":
      return `general:${target.agendaItemId}`;
    case "point":
      return `point:${target.pointId}`;
    case "amendment":
      return `amendment:${target.pointId}`;
    case "proposal":
      return `proposal:${target.agendaItemId}:${target.label}`;
  }
}

/** The note as a Word document: heading styles, bold lines, right-to-left paragraphs for Arabic. */
export async function noteAsDocx(note: Note): Promise<Uint8Array> {
  const rtl = note.rightToLeft ?? false;
  const paragraph = ({ look, text }: NoteParagraph) => {
    const run = new TextRun({ text, bold: look === "bold", rightToLeft: rtl });
    if (look === "h1" || look === "h2") {
      return new Paragraph({
        heading: look === "h1" ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        bidirectional: rtl,
        children: [run],
      });
    }
    return new Paragraph({
      bidirectional: rtl,
      alignment: rtl ? AlignmentType.RIGHT : undefined,
      numbering: look === "li" ? { reference: "letters", level: 0 } : undefined,
      children: [run],
    });
  };
  const children: FileChild[] = [];
  let rows: NoteParagraph[][] = [];
  const flushTable = () => {
    if (rows.length === 0) return;
    children.push(
      new Table({
        rows: rows.map((cells) => new TableRow({ children: cells.map((cell) => new TableCell({ children: [paragraph(cell)] })) })),
      }),
    );
    rows = [];
  };
  for (const item of note.paragraphs) {
    if (item.look !== "cell") {
      flushTable();
      children.push(paragraph(item));
    } else if (rows.length && rows.at(-1)![0]!.row === item.row) rows.at(-1)!.push(item);
    else rows.push([item]);
  }
  flushTable();
  const numbering = {
    config: [{ reference: "letters", levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: "(%1)", alignment: AlignmentType.START }] }],
  };
  return new Uint8Array(await Packer.toBuffer(new Document({ numbering, sections: [{ children }] })));
}

/** The note as pasted from an email: paragraphs apart, lines wrapped at `width` characters (0: not wrapped). */
export function noteAsText(note: Note, width = 0): string {
  const wrap = (text: string) => {
    if (width === 0) return text;
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(" ")) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines.join("\n");
  };
  // Word copies a numbered list item with its label.
  let ordinal = 0;
  const label = (paragraph: NoteParagraph) => {
    ordinal = paragraph.look === "li" ? ordinal + 1 : 0;
    return paragraph.look === "li" ? `(${String.fromCharCode(96 + ordinal)}) ` : "";
  };
  return note.paragraphs.map((paragraph) => wrap(label(paragraph) + paragraph.text)).join(width === 0 ? "\n" : "\n\n");
}
