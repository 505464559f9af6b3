// The non-paper as a Word document, from its model. Pure: model in, bytes out.

import { Packer, type Paragraph } from "docx";
import type { NonPaperModel } from "./non-paper";
import {
  createUnDocument,
  UN_SIZE,
  unBoxedNotice,
  unEndRule,
  unHeading,
  unLabelledParagraphs,
  unMastheadLine,
  unMastheadRule,
  unParagraph,
  unTitle,
} from "./un-styles";

/** The non-paper in Word's format (.docx), A4, in UN typography. */
export async function renderNonPaperDocx(model: NonPaperModel): Promise<Buffer> {
  const children: Paragraph[] = [];

  // Boxed, so that a printed or forwarded preview cannot pass for the circulated text.
  if (model.draftMark) children.push(unBoxedNotice(model.draftMark));
  children.push(unMastheadLine(model.kind, { bold: true, size: UN_SIZE.h2, alignment: "right" }));
  for (const line of model.masthead) children.push(unMastheadLine(line.text, { bold: line.strong }));
  children.push(unMastheadRule());
  children.push(unTitle(model.title));
  model.datelines.forEach((line, index) => children.push(unParagraph(line, { keepNext: index < model.datelines.length - 1 })));

  for (const section of model.sections) {
    children.push(unHeading(1, section.heading.text, section.heading.label));
    if (section.subheading) children.push(unHeading(2, section.subheading.text, section.subheading.label));
    // The introduction stays on the page of the first point it introduces.
    section.introduction.forEach((text) => children.push(unParagraph(text, { keepNext: section.points.length > 0 })));
    for (const point of section.points) children.push(...unLabelledParagraphs(point.label, point.paragraphs));
  }
  children.push(unEndRule());

  const document = createUnDocument({
    title: `${model.kind}: ${model.title}`,
    subject: model.masthead.map((line) => line.text).join(", "),
    description: model.datelines.join(" "),
    headerText: model.draftMark,
    children,
  });
  return Packer.toBuffer(document);
}
