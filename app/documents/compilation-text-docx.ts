// The compilation text as a Word document, from its model: A4 in UN typography, like the non-paper
// (a heading per agenda item with its introduction, each point's label hanging), each delegation's
// wording indented under the point it amends after an attribution line in italics. Pure: model in,
// bytes out.
import { AlignmentType, Packer, Paragraph, TextRun } from "docx";
import { directionOf, type Language } from "~/i18n/languages";
import type { CompilationProposal, CompilationText } from "./compilation-text";
import {
  createUnDocument,
  NOT_XML,
  UN_LABEL_HANG,
  UN_STYLE,
  UN_TEXT_INDENT,
  unEndRule,
  unHeading,
  unLabelledParagraphs,
  unParagraph,
  unTextRuns,
  unTitle,
  wordRunLanguage,
} from "./un-styles";

/** A delegation's wording under a point starts a label's hang further in than the point's own text. */
const PROPOSAL_INDENT = UN_TEXT_INDENT + 2 * UN_LABEL_HANG;

/** Runs of text in a language: a pending original keeps its own proofing language and direction. */
function runs(text: string, language: Language): TextRun[] {
  const rightToLeft = directionOf(language) === "rtl";
  return text
    .replace(NOT_XML, "")
    .split(/\r\n?|\n/)
    .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, rightToLeft, language: wordRunLanguage(language) }));
}

/** "Proposed by Peru:" in italics, then the marks, then the wording; kept together on a page. */
function proposalParagraphs(proposal: CompilationProposal, indent: number): Paragraph[] {
  const rtl = directionOf(proposal.language) === "rtl";
  const attribution = new Paragraph({
    style: UN_STYLE.singleText,
    indent: { left: indent },
    spacing: { before: 60, after: 60 },
    keepNext: true,
    keepLines: true,
    children: [...unTextRuns(proposal.attribution, { italics: true }), ...proposal.marks.flatMap((mark) => [new TextRun(" "), ...unTextRuns(mark)])],
  });
  const [first = "", ...rest] = proposal.paragraphs;
  const text = (paragraph: string, label: string | null) =>
    new Paragraph({
      style: UN_STYLE.singleText,
      widowControl: true,
      bidirectional: rtl,
      alignment: rtl ? AlignmentType.RIGHT : undefined,
      // A new proposal's label hangs in front of its first paragraph, as a point's does.
      indent: label !== null ? { left: indent + UN_LABEL_HANG, hanging: UN_LABEL_HANG } : { left: indent + (proposal.label ? UN_LABEL_HANG : 0) },
      children: label !== null ? [new TextRun(label), new TextRun({ text: "\t" }), ...runs(paragraph, proposal.language)] : runs(paragraph, proposal.language),
    });
  return [attribution, text(first, proposal.label), ...rest.map((paragraph) => text(paragraph, null))];
}

/** The compilation text in Word's format (.docx). */
export async function renderCompilationTextDocx(model: CompilationText): Promise<Buffer> {
  const children: Paragraph[] = [unTitle(model.title), unParagraph(model.subtitle)];
  for (const item of model.items) {
    children.push(unHeading(1, item.heading.text, item.heading.label));
    if (item.subheading) children.push(unHeading(2, item.subheading.text, item.subheading.label));
    // The introduction stays on the page of the first point it introduces.
    item.introduction.forEach((text) => children.push(unParagraph(text, { keepNext: true })));
    for (const point of item.points) {
      children.push(...unLabelledParagraphs(point.label, point.paragraphs));
      for (const proposal of point.proposals) children.push(...proposalParagraphs(proposal, PROPOSAL_INDENT));
    }
    if (item.newProposals.length > 0) {
      children.push(unHeading(3, model.newProposalsHeading));
      for (const proposal of item.newProposals) children.push(...proposalParagraphs(proposal, UN_TEXT_INDENT));
    }
  }
  children.push(unEndRule());
  return Packer.toBuffer(createUnDocument({ title: `${model.title}: ${model.subtitle}`, subject: model.subtitle, children }));
}
