// The preview on the CRP page. At the design's scale the whole CRP is about 12 MB of HTML (some
// 3,000 pages): a person reads that in the Word or PDF file, and the page shows it whole only when
// small, otherwise one part at a time (the masthead with section I, or one agenda item).
// The same pieces as crpToHtml, so a part reads exactly as in the HTML file.
import {
  crpHtmlClosing,
  crpHtmlCommentsHeading,
  crpHtmlFrontMatter,
  crpHtmlItem,
  crpHtmlStart,
  crpToHtml,
  joinHtml,
  type CrpHeading,
  type CrpModel,
} from "./crp";

/** Beyond this the preview is shown one part at a time (a CRP at the design's scale is ~12 MB). */
export const MAX_PREVIEW_CHARS = 2_000_000;

export type CrpPreviewPart = {
  /** "introduction", or "item-N" (N from 1, as the heading ids of the HTML). */
  key: string;
  /** The part's heading in the document (English), and an agenda item's title. */
  heading: CrpHeading;
  title: string | null;
  /** Characters of its HTML. */
  size: number;
};

export type CrpPreview = {
  /** The HTML shown: the whole preview when small, else the part asked for (null: none asked). */
  html: string | null;
  /** Null when the whole preview is shown. */
  parts: CrpPreviewPart[] | null;
  /** The part shown, when parts are offered. */
  part: string | null;
  /** Characters of the whole preview. */
  size: number;
};

type Outline = { size: number; parts: CrpPreviewPart[]; whole: string | null };

// Measured once per model: the page keeps its models between views (app/models/crp.server.ts).
const outlines = new WeakMap<CrpModel, Outline>();

function partHtml(model: CrpModel, key: string): string | null {
  if (key === "introduction") return joinHtml([...crpHtmlStart(model), ...crpHtmlFrontMatter(model), ...crpHtmlClosing(model)]);
  const match = /^item-(\d{1,4})$/.exec(key);
  const index = match ? Number(match[1]) - 1 : -1;
  const item = model.comments.items[index];
  if (!item) return null;
  // Without the masthead; the draft mark still says what this is.
  return joinHtml([...crpHtmlStart(model), ...crpHtmlCommentsHeading(model), ...crpHtmlItem(item, index), `</section>`, `</article>`]);
}

function outline(model: CrpModel): Outline {
  const known = outlines.get(model);
  if (known) return known;
  const parts: CrpPreviewPart[] = [
    { key: "introduction", heading: model.introduction.heading, title: null, size: partHtml(model, "introduction")!.length },
    ...model.comments.items.map((item, i) => ({
      key: `item-${i + 1}`,
      heading: item.heading,
      title: item.title,
      size: partHtml(model, `item-${i + 1}`)!.length,
    })),
  ];
  const size = parts.reduce((sum, part) => sum + part.size, 0);
  // A small preview is kept whole; a large one is rendered part by part when asked.
  const whole = size <= MAX_PREVIEW_CHARS ? crpToHtml(model) : null;
  const result = { size: whole?.length ?? size, parts, whole };
  outlines.set(model, result);
  return result;
}

/** The preview of `model` for the page: whole when small, else `part` (a key of `parts`) or nothing. */
export function crpPreview(model: CrpModel, part: string | null): CrpPreview {
  const { size, parts, whole } = outline(model);
  if (whole !== null) return { html: whole, parts: null, part: null, size };
  const html = part ? partHtml(model, part) : null;
  return { html, parts, part: html === null ? null : part, size };
}
