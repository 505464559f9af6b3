// The matrix's body rows as HTML: 200 delegations × 60 points is 12,000 cells, and each cell as
// three React elements cost more than the rest of the page (render on the server, hydration in
// the browser). A row is built here as one string, with the markup React would write, and
// rendered with dangerouslySetInnerHTML. Pure: no I/O, safe on server and client.
import { cellOf, type MatrixCell } from "~/lib/consolidation";
import { escapeHtml } from "~/lib/html-escape";

/** A cell's class: the symbol CSS draws for it. */
export const CELL_CLASS: Record<MatrixCell, string> = { commented: "c", amended: "a", both: "b", none: "n" };

/**
 * Each column's link to the side-by-side, up to the delegation's code: short and relative (the
 * page has 12,000 of them), escaped for an attribute.
 */
export function columnHrefs(groups: { id: string; number: string | null; points: { label: string }[] }[]): string[] {
  return groups.flatMap((g) =>
    g.points.map((p) => {
      const point = p.label.replace(/^\((.*)\)$/u, "$1");
      return escapeHtml(`side-by-side?item=${encodeURIComponent(g.number ?? g.id)}&point=${encodeURIComponent(point)}&delegation=`);
    }),
  );
}

/**
 * One delegation's row: its name as the row header, a cell per point (a link to that entry with
 * the words for screen readers, or the words for "no comment"), the count.
 */
export function matrixRowHtml(row: { code: string; name: string; cells: string; count: number }, hrefs: string[], words: Record<MatrixCell, string>): string {
  const code = encodeURIComponent(row.code);
  const none = `<td><span class="v">${escapeHtml(words.none)}</span></td>`;
  const links: Record<Exclude<MatrixCell, "none">, string> = {
    commented: `"><span class="v">${escapeHtml(words.commented)}</span></a></td>`,
    amended: `"><span class="v">${escapeHtml(words.amended)}</span></a></td>`,
    both: `"><span class="v">${escapeHtml(words.both)}</span></a></td>`,
  };
  let html = `<th scope="row">${escapeHtml(row.name)}</th>`;
  for (let index = 0; index < hrefs.length; index++) {
    const cell = cellOf(row.cells[index]);
    html += cell === "none" ? none : `<td><a class="${CELL_CLASS[cell]}" href="${hrefs[index]}${code}${links[cell]}`;
  }
  return `${html}<td class="mx-count">${row.count}</td>`;
}
