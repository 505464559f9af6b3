// The CRP's Markdown export (documents/crp.ts, crpToMarkdown) read back as plain blocks of text:
// headings and paragraphs without `#`, `**`, `>` or backslash escapes, for a redline people can
// read. Only the subset crpToMarkdown writes is understood: every `*`, `#`, `>` or `\` that comes
// from data is escaped there, so an unescaped one is always markup. Pure: safe anywhere.
import { documentParagraphs } from "./paragraph-redline";

export type BlockStyle = "heading1" | "heading2" | "heading3" | "heading4" | "heading5" | "heading6" | "strong" | "emphasis" | "quote" | "paragraph";

export type TextBlock = { style: BlockStyle; text: string };

/** Markup characters dropped, escapes resolved, an escaped line break kept as a line break. */
function plain(markdown: string): string {
  let out = "";
  for (let i = 0; i < markdown.length; i++) {
    const ch = markdown[i]!;
    if (ch === "\\" && i + 1 < markdown.length) {
      out += markdown[++i];
      continue;
    }
    if (ch === "*") continue;
    out += ch;
  }
  return out;
}

/** One block per Markdown paragraph; thematic breaks ("---") are left out. */
export function readableBlocks(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const paragraph of documentParagraphs(markdown)) {
    if (/^(?:-{3,}|\*{3,}|_{3,})$/.test(paragraph)) continue;
    const heading = /^(#{1,6})\s+([\s\S]*)$/.exec(paragraph);
    if (heading) {
      blocks.push({ style: `heading${heading[1]!.length}` as BlockStyle, text: plain(heading[2]!).trim() });
      continue;
    }
    let style: BlockStyle = "paragraph";
    if (/^\*\*[\s\S]+\*\*$/.test(paragraph)) style = "strong";
    else if (/^\*[^*][\s\S]*\*$/.test(paragraph)) style = "emphasis";
    else if (paragraph.startsWith(">")) style = "quote";
    const text = plain(style === "quote" ? paragraph.replace(/^>\s?/gm, "") : paragraph).trim();
    if (text) blocks.push({ style, text });
  }
  return blocks;
}
