// The side-by-side's entries and the matrix's rows are HTML built by hand (app/lib/side-by-side-html.ts,
// app/lib/matrix-rows.ts): every text escaped, the redline the same markup as the shared component,
// each text in its own language and direction.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { Redline } from "~/components/ui/redline";
import { createI18n } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";
import { columnHrefs, matrixRowHtml } from "~/lib/matrix-rows";
import { redline } from "~/lib/redline";
import { anchorOf, pageEntry, redlineCache, type PageEntry } from "~/lib/side-by-side";
import { attributionHtml, entryHtml, makeEntryWords, redlineHtml, type Translate } from "~/lib/side-by-side-html";

const HOSTILE = `<script>alert("x")</script> & 'quoted' <img src=x onerror=alert(1)>`;
const ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quoted&#x27; &lt;img src=x onerror=alert(1)&gt;";

function wordsIn(language: Language) {
  const i18n = createI18n(language);
  const t = i18n.getFixedT(language, ["consolidation", "common", "translations", "consultations"]) as unknown as Translate;
  return makeEntryWords(t, language);
}

const entry = (overrides: Partial<PageEntry> = {}): PageEntry => ({
  commentId: "11111111-2222-4333-8444-555555555555",
  kind: "point",
  pointId: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
  label: null,
  code: "PER",
  name: "Peru",
  revisionNumber: 2,
  bodyLanguage: "es",
  status: "draft",
  body: "Apoyamos el punto.",
  proposedText: null,
  baseText: null,
  translation: { body: "We support the point.", proposedText: null, machineAssisted: true },
  tags: [],
  myReview: null,
  disposition: null,
  ...overrides,
});

const options = (language: Language = "en") => ({
  original: "beside" as const,
  target: false,
  consultationId: "cccccccc-dddd-4eee-8fff-000000000000",
  reviewing: false,
  words: wordsIn(language),
  redlineOf: redlineCache(),
});

describe("an entry's HTML", () => {
  it("escapes every text that comes from people: comment, translation, names, labels, notes, reviewers", () => {
    const html = entryHtml(
      entry({
        kind: "new_proposal",
        pointId: null,
        label: HOSTILE,
        name: HOSTILE,
        body: HOSTILE,
        translation: { body: HOSTILE, proposedText: null, machineAssisted: false },
        tags: [{ reviewerId: "r", reviewerName: `${HOSTILE}\u2069</bdi>`, tag: "objects" }],
        myReview: { tag: "supports", note: HOSTILE },
      }),
      options(),
    );
    expect(html).not.toMatch(/<script|<img/);
    // The label, the name, the comment, its translation, the reader's note and the reviewer's name.
    expect(html.split(ESCAPED).length - 1).toBe(6);
    // The reviewer's name stays inside its own <bdi>, whatever it holds.
    expect(html).toContain(`Objects, by <bdi>${ESCAPED}&lt;/bdi&gt;</bdi>`);
  });

  it("shows the translation beside the original, each in its language and direction, with its status and the review button", () => {
    const html = entryHtml(entry({ bodyLanguage: "ar", body: "يؤيد المغرب النقطة." }), options());
    const anchor = anchorOf(entry());
    expect(html).toContain(`<h4 id="${anchor}-name">Peru</h4>`);
    expect(html).toContain(
      `<div class="sbs-entry__translation" lang="en" dir="ltr" role="group" aria-labelledby="${anchor}-translation"><p class="sbs-label" lang="en" dir="ltr"><span id="${anchor}-translation">Unofficial translation</span>`,
    );
    expect(html).toContain(
      '<span class="badge sbs-badge--machine">Machine-assisted</span><span class="badge sbs-status sbs-status--draft">Translation status: Draft</span>',
    );
    expect(html).toContain(
      `<div class="sbs-entry__original" role="group" aria-labelledby="${anchor}-original"><p class="sbs-label" id="${anchor}-original">Original (Arabic)</p><div class="sbs-text" lang="ar" dir="rtl">يؤيد المغرب النقطة.</div>`,
    );
    expect(html).toContain(
      `<button type="submit" form="sbs-review-opener" name="review" value="${entry().commentId}" class="button button--secondary sbs-review__open" data-review-open="${entry().commentId}" aria-describedby="${anchor}-name">Review this entry</button>`,
    );
    // The reader's own review, a group named by its label.
    const mine = entryHtml(entry({ myReview: { tag: "objects", note: "Mine." } }), options());
    expect(mine).toContain(
      `<div class="sbs-review__mine" role="group" aria-labelledby="${anchor}-mine"><p class="sbs-label"><span id="${anchor}-mine">Your review</span>`,
    );
    // The form open in this entry (React renders it): no button, no summary of the reader's own review.
    const reviewing = entryHtml(entry({ myReview: { tag: "objects", note: "Mine." } }), { ...options(), reviewing: true });
    expect(reviewing).not.toContain("<button");
    expect(reviewing).not.toContain("Mine.");
  });

  it("writes the labels in the reader's language and direction; the original on demand; an English text needs no translation", () => {
    const arabic = entryHtml(entry({ status: "todo", translation: null }), { ...options("ar"), original: "hidden" });
    expect(arabic).toContain('<p class="empty" lang="ar" dir="rtl">');
    expect(arabic).toMatch(/<details class="sbs-entry__original"><summary>[^<]+<\/summary><div class="sbs-text" lang="es" dir="ltr">/);
    const english = entryHtml(entry({ bodyLanguage: "en", status: null, translation: null, body: "We agree." }), options());
    const anchor = anchorOf(entry());
    expect(english).toContain(
      `<div class="sbs-entry__texts"><div class="sbs-entry__original" role="group" aria-labelledby="${anchor}-original"><p class="sbs-label" id="${anchor}-original">Written in English: no translation needed.</p>`,
    );
  });

  it("draws an amendment's redline with the markup of the shared Redline component", () => {
    const before = "States parties should [continue to] provide technical assistance.";
    const after = "States parties shall provide technical <b>assistance</b>.";
    for (const language of ["en", "ar", "zh"] as const) {
      const segments = redline(before, after);
      const react = renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, createElement(Redline, { segments, lang: "en" })));
      expect(redlineHtml(segments, wordsIn(language))).toBe(react);
    }
    const html = entryHtml(entry({ kind: "amendment", baseText: before, proposedText: after }), options());
    const anchor = anchorOf(entry({ kind: "amendment" }));
    expect(html).toContain(
      `<div class="sbs-entry__amendment" role="group" aria-labelledby="${anchor}-amendment"><p class="sbs-label" id="${anchor}-amendment">Proposed amendment</p>`,
    );
    expect(html).toMatch(/<del><span class="visually-hidden" lang="en">Deleted text: <\/span>.*continue to.*<\/del>/);
    expect(html).toContain("&lt;b&gt;");
    expect(html).toContain("&lt;/b&gt;");
    expect(html).not.toContain("<b>");
  });

  it("shows what became of the comment and the Secretariat's observations, escaped, to every reader; not while the forms are open", () => {
    const decided = entry({ disposition: { disposition: "partly_reflected", observation: HOSTILE } });
    const html = entryHtml(decided, options());
    const anchor = anchorOf(decided);
    expect(html).toContain(
      `<div class="sbs-disposition" role="group" aria-labelledby="${anchor}-disposition"><p class="sbs-label"><span id="${anchor}-disposition">Disposition</span><span class="badge sbs-disposition__value sbs-disposition--partly_reflected">Partly reflected</span></p>`,
    );
    expect(html).toContain(`<p class="sbs-disposition__observation"><span class="sbs-label">Observations of the Secretariat</span> ${ESCAPED}</p>`);
    expect(entryHtml(decided, { ...options(), reviewing: true })).not.toContain("sbs-disposition");
    expect(entryHtml(entry(), options())).not.toContain("sbs-disposition");
    // In the reader's language.
    expect(entryHtml(decided, { ...options(), words: wordsIn("fr") })).toContain(">Prise en compte en partie</span>");
  });

  it("is what the page renders from the model's entry (pageEntry): others' tags apart from the reader's own review", () => {
    const page = pageEntry(
      {
        commentId: "c",
        kind: "point",
        pointId: "p",
        label: null,
        delegation: { code: "FRA", nameAr: "فرنسا", nameZh: "法国", nameEn: "France", nameFr: "France", nameRu: "Франция", nameEs: "Francia" },
        revisionNumber: 1,
        language: "zh",
        languages: { body: "en" },
        needs: { body: false },
        translationStatus: "todo",
        body: "In English.",
        proposedText: null,
        baseText: null,
        translation: null,
        reviews: [
          { reviewerId: "me", reviewerName: "Me", tag: "supports", own: true },
          { reviewerId: "other", reviewerName: "Other", tag: "objects", own: false },
        ],
        myReview: { tag: "supports", note: null },
        disposition: null,
      },
      "ru",
    );
    expect(page).toMatchObject({ code: "FRA", name: "Франция", bodyLanguage: "en", status: null, tags: [{ reviewerId: "other", tag: "objects" }] });
  });
});

describe("a matrix row's HTML", () => {
  it("escapes the delegation's name and builds short links per column", () => {
    const hrefs = columnHrefs([{ id: "item-id", number: "2", points: [{ label: "(a)" }, { label: "(b&c)" }] }]);
    expect(hrefs).toEqual(["side-by-side?item=2&amp;point=a&amp;delegation=", "side-by-side?item=2&amp;point=b%26c&amp;delegation="]);
    const words = { commented: "commented", amended: "amended", both: "both", none: "no <comment>" };
    expect(matrixRowHtml({ code: "PER", name: HOSTILE, cells: "b-", count: 1 }, hrefs, words)).toBe(
      `<th scope="row">${ESCAPED}</th><td><a class="b" href="side-by-side?item=2&amp;point=a&amp;delegation=PER"><span class="v">both</span></a></td><td><span class="v">no &lt;comment&gt;</span></td><td class="mx-count">1</td>`,
    );
  });

  it("marks points addressed through others apart, and counts them after the delegation's own (issue 19)", () => {
    const hrefs = columnHrefs([{ id: "item-id", number: "2", points: [{ label: "(a)" }, { label: "(b)" }, { label: "(c)" }] }]);
    const words = { commented: "commented", amended: "amended", both: "both", joint: "through its group", aligned: "aligned <itself>", none: "no comment" };
    expect(matrixRowHtml({ code: "MAR", name: "Morocco", cells: "cjl", count: 1, through: 2 }, hrefs, words, "through <others>")).toBe(
      `<th scope="row">Morocco</th><td><a class="c" href="side-by-side?item=2&amp;point=a&amp;delegation=MAR"><span class="v">commented</span></a></td>` +
        `<td><a class="j" href="side-by-side?item=2&amp;point=b&amp;delegation=MAR"><span class="v">through its group</span></a></td>` +
        `<td><a class="l" href="side-by-side?item=2&amp;point=c&amp;delegation=MAR"><span class="v">aligned &lt;itself&gt;</span></a></td>` +
        `<td class="mx-count">1<span class="mx-through"> +2<span class="v"> through &lt;others&gt;</span></span></td>`,
    );
  });
});

describe("an entry's attribution (issue 19)", () => {
  it("escapes every name, isolates the data in the heading, lists the members once", () => {
    const words = wordsIn("en");
    const html = attributionHtml(
      { group: { name: HOSTILE, article: null, size: 2, states: true, members: [HOSTILE, "Egypt"] }, cosponsors: [HOSTILE], aligned: ["Morocco", HOSTILE] },
      HOSTILE,
      words,
    );
    expect(html.heading).toBe(`<bdi>${ESCAPED}</bdi> on behalf of the <bdi>${ESCAPED}</bdi> (2 States)`);
    expect(html.details).toBe(
      `<div class="sbs-attribution"><details class="sbs-members"><summary>Members of the <bdi>${ESCAPED}</bdi></summary><p class="sbs-members__list">${ESCAPED} and Egypt</p></details>` +
        `<p class="sbs-attribution__line">Jointly with ${ESCAPED}</p><p class="sbs-attribution__line">Aligned with this submission: Morocco and ${ESCAPED}</p></div>`,
    );
    // In the entry: the heading in place of the name, the details after the header.
    const entryWith = entryHtml(entry(), {
      original: "beside",
      target: false,
      consultationId: "c",
      reviewing: false,
      words,
      redlineOf: redlineCache(),
      attribution: html,
    });
    expect(entryWith).toContain(`-name"><bdi>${ESCAPED}</bdi> on behalf of`);
    expect(entryWith).toContain(`</header><div class="sbs-attribution">`);
    // Without a group the name heads the entry as before; bidi marks in a name cannot open an isolate.
    const plain = attributionHtml({ group: null, cosponsors: ["Chile"], aligned: [] }, "Peru\u2069", words);
    expect(plain.heading).toBe("Peru\u2069");
    expect(plain.details).toBe(`<div class="sbs-attribution"><p class="sbs-attribution__line">Jointly with Chile</p></div>`);
  });
});
