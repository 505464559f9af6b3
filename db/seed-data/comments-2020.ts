// Demo comments on the 2020 discussion points (agenda item 2), written for the demo: delegations'
// submissions in the six languages, and the secretariat's unofficial English translations of some.
// Points are named by their circulated label; an amendment's `proposedText` is the whole rewording.

export type DemoComment =
  | { kind: "general"; body: string; translation?: string }
  | { kind: "point"; point: string; body: string; translation?: string }
  | { kind: "amendment"; point: string; body: string; proposedText: string; translation?: string; translatedProposal?: string };

export type DemoSubmission = {
  delegation: string;
  language: "ar" | "zh" | "en" | "fr" | "ru" | "es";
  /** Days before the seeding that the revision was submitted. */
  daysAgo: number;
  /** The secretariat's translation into English, where there is one yet. */
  translationStatus?: "draft" | "final";
  comments: DemoComment[];
};

export const DEMO_SUBMISSIONS_2020: DemoSubmission[] = [
  {
    delegation: "PER",
    language: "es",
    daysAgo: 0.8,
    translationStatus: "final",
    comments: [
      {
        kind: "general",
        body:
          "El Perú agradece a la Secretaría la preparación de los puntos de debate y apoya, en términos generales, su orientación.\n\n" +
          "Nuestra delegación subraya la importancia de que la asistencia técnica responda a las necesidades expresadas por los propios Estados.",
        translation:
          "Peru thanks the Secretariat for preparing the discussion points and supports their general direction.\n\n" +
          "Our delegation stresses the importance of technical assistance responding to the needs expressed by States themselves.",
      },
      {
        kind: "point",
        point: "(a)",
        body: "El Perú actualizó sus registros legislativos en el portal SHERLOC en 2019 y alienta a los demás Estados a hacerlo.",
        translation: "Peru updated its legislative records in the SHERLOC portal in 2019 and encourages other States to do so.",
      },
      {
        kind: "amendment",
        point: "(c)",
        body: "Proponemos mencionar expresamente a las fiscalías, que también aplican la legislación nacional.",
        proposedText:
          "States may wish to consider inviting UNODC to assist, subject to the availability of extrabudgetary resources, in capacity-building activities of national judicial institutions and prosecution services, including providing training on the use of SHERLOC portal as a source of information on domestic legislation and jurisprudence from various jurisdictions.",
        translation: "We propose to mention prosecution services expressly, as they also apply national legislation.",
        translatedProposal:
          "States may wish to consider inviting UNODC to assist, subject to the availability of extrabudgetary resources, in capacity-building activities of national judicial institutions and prosecution services, including providing training on the use of SHERLOC portal as a source of information on domestic legislation and jurisprudence from various jurisdictions.",
      },
    ],
  },
  {
    delegation: "MAR",
    language: "ar",
    daysAgo: 1.5,
    comments: [
      {
        kind: "general",
        body:
          "تشكر المملكة المغربية الأمانة على إعداد نقاط المناقشة، وتؤيد تعزيز المساعدة التقنية في مجال التشريعات الوطنية.\n\n" +
          "ويؤكد وفد المغرب أهمية إتاحة بوابة شيرلوك بجميع اللغات الرسمية للأمم المتحدة.",
      },
      {
        kind: "point",
        point: "(c)",
        body: "يؤيد المغرب النقطة (ج)، ويقترح أن تشمل أنشطة بناء القدرات المعاهد القضائية الوطنية المكلفة بتكوين القضاة.",
      },
    ],
  },
  {
    delegation: "FRA",
    language: "fr",
    daysAgo: 2,
    translationStatus: "final",
    comments: [
      {
        kind: "point",
        point: "(c)",
        body: "La France soutient ce point et souligne l'intérêt de formations conjointes réunissant magistrats et enquêteurs.",
        translation: "France supports this point and underlines the value of joint training bringing together judges and investigators.",
      },
      {
        kind: "amendment",
        point: "(e)",
        body: "La France propose de préciser que les avis des juridictions sont publiés dans le respect du droit interne.",
        proposedText:
          "Subject to availability of extrabudgetary resources, UNODC should consider expanding the SHERLOC knowledge management portal to include information on informal assistance and opinions of courts, in accordance with domestic law.",
        translation: "France proposes to specify that opinions of courts are published in accordance with domestic law.",
        translatedProposal:
          "Subject to availability of extrabudgetary resources, UNODC should consider expanding the SHERLOC knowledge management portal to include information on informal assistance and opinions of courts, in accordance with domestic law.",
      },
    ],
  },
  {
    delegation: "CHN",
    language: "zh",
    daysAgo: 3,
    comments: [
      {
        kind: "point",
        point: "(c)",
        body: "中方支持在预算外资源允许的情况下，由毒品和犯罪问题办公室协助各国开展司法能力建设活动。培训应尊重各国的司法主权。",
      },
      {
        kind: "point",
        point: "(g)",
        body: "中方认为，捐助应属自愿性质。",
      },
    ],
  },
  {
    delegation: "RUS",
    language: "ru",
    daysAgo: 2.5,
    comments: [
      {
        kind: "point",
        point: "(c)",
        body: "Российская Федерация поддерживает этот пункт при условии, что такая помощь оказывается по просьбе государств.",
      },
      {
        kind: "amendment",
        point: "(d)",
        body: "Предлагаем исключить слово «publishing», поскольку публикация материалов относится к компетенции государств.",
        proposedText:
          "States may wish to consider developing and providing to the Secretariat for publication on SHERLOC explanatory material on legislation, such as explanatory memorandums developed during the introduction of the legislation, summarized legislative manuals or briefs, which consolidate relevant provisions of all applicable national legislation on organized crime.",
      },
    ],
  },
  {
    delegation: "USA",
    language: "en",
    daysAgo: 4,
    comments: [
      {
        kind: "point",
        point: "(a)",
        body: "The United States supports this point and will update its records in SHERLOC before the review.",
      },
      {
        kind: "point",
        point: "(c)",
        body: "We support this recommendation as drafted.",
      },
    ],
  },
  {
    delegation: "EU",
    language: "en",
    daysAgo: 3.5,
    comments: [
      {
        kind: "general",
        body: "The European Union and its member States welcome the discussion points and the work of the Secretariat on SHERLOC.",
      },
      {
        kind: "point",
        point: "(f)",
        body: "We would welcome a focus on the difficulties encountered by States in the practical application of the Convention.",
      },
    ],
  },
  {
    delegation: "MEX",
    language: "es",
    daysAgo: 1,
    translationStatus: "draft",
    comments: [
      {
        kind: "point",
        point: "(c)",
        body: "México apoya este punto y ofrece compartir su experiencia en la capacitación de jueces sobre el uso de SHERLOC.",
        translation: "Mexico supports this point and offers to share its experience in training judges on the use of SHERLOC.",
      },
    ],
  },
  {
    delegation: "DZA",
    language: "ar",
    daysAgo: 5,
    comments: [
      {
        kind: "point",
        point: "(b)",
        body: "تؤيد الجزائر وضع خطة للتعريف بالبوابة، على أن تُتاح بجميع اللغات الرسمية.",
      },
    ],
  },
];
