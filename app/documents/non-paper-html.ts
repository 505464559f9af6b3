// The non-paper as a standalone HTML page: what Chromium prints to PDF where LibreOffice is not
// installed (app/utils/pdf.server.ts). Pure: model in, HTML out; every piece of data is escaped.

import { escapeHtml as html } from "~/lib/html-escape";
import type { NonPaperHeading, NonPaperModel } from "./non-paper";

/** UN typography as the Word file sets it: Times 10/12 pt, 2 cm text indent, labels that hang. */
const NON_PAPER_HTML_STYLE = `
body { margin: 0; }
.np { font-family: Tinos, "Times New Roman", serif; font-size: 10pt; line-height: 12pt; }
.np p { margin-block: 0 6pt; margin-inline: 2cm; text-align: justify; }
.np header { border-block-end: 2pt solid; padding-block-end: 6pt; margin-block-end: 12pt; }
.np header p { margin: 0; text-align: start; }
.np .np-kind { text-align: end; font-weight: bold; font-size: 12pt; }
.np .np-strong { font-weight: bold; }
.np h1 { font-size: 17pt; line-height: 20pt; margin-block: 18pt 12pt; margin-inline: 2cm; }
.np h2 { font-size: 14pt; margin-block: 18pt 12pt; }
.np h3 { font-size: 12pt; margin-block: 12pt 6pt; }
.np h2, .np h3 { padding-inline-start: 2cm; text-indent: -2cm; break-after: avoid; }
.np .np-label { display: inline-block; inline-size: 2cm; text-indent: 0; }
.np .np-point { padding-inline-start: 1cm; text-indent: -1cm; }
.np .np-point .np-label { inline-size: 1cm; }
.np .np-continued { padding-inline-start: 1cm; }
.np .np-draft-mark { border: 1.5pt solid; text-align: center; font-weight: bold; font-size: 12pt; padding: 4pt; margin-inline: 0; }
.np .np-end { inline-size: 3cm; margin: 12pt auto 0; border-block-end: 0.5pt solid; }
@page { size: A4; margin: 3cm 2cm 2.5cm; }
`;

function heading(level: 2 | 3, h: NonPaperHeading): string {
  const label = h.label ? `<span class="np-label">${html(h.label)}</span>` : "";
  return `<h${level}>${label}${html(h.text)}</h${level}>`;
}

/** A labelled point: "(a)" hangs in front of its first paragraph; the others align with the text. */
function point(p: { label: string; paragraphs: string[] }): string[] {
  const [first = "", ...rest] = p.paragraphs;
  return [
    `<p class="np-point"><span class="np-label">${html(p.label)}</span>${html(first)}</p>`,
    ...rest.map((text) => `<p class="np-continued">${html(text)}</p>`),
  ];
}

/** The whole page: the same words, in the same order, as the Word file. */
export function nonPaperToHtml(model: NonPaperModel): string {
  const body = [
    `<article class="np" lang="en" dir="ltr">`,
    model.draftMark ? `<p class="np-draft-mark">${html(model.draftMark)}</p>` : "",
    `<header>`,
    `<p class="np-kind">${html(model.kind)}</p>`,
    ...model.masthead.map((line) => `<p${line.strong ? ` class="np-strong"` : ""}>${html(line.text)}</p>`),
    `</header>`,
    `<h1>${html(model.title)}</h1>`,
    ...model.datelines.map((line) => `<p>${html(line)}</p>`),
    ...model.sections.flatMap((section) => [
      `<section>`,
      heading(2, section.heading),
      section.subheading ? heading(3, section.subheading) : "",
      ...section.introduction.map((text) => `<p>${html(text)}</p>`),
      ...section.points.flatMap(point),
      `</section>`,
    ]),
    `<div class="np-end"></div>`,
    `</article>`,
  ].filter(Boolean);
  return [
    `<!DOCTYPE html>`,
    `<html lang="en" dir="ltr">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<title>${html(`${model.kind}: ${model.title}`)}</title>`,
    `<style>${NON_PAPER_HTML_STYLE}</style>`,
    `</head>`,
    `<body>`,
    ...body,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
