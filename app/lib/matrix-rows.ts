// The matrix's body rows as HTML: 200 delegations × 60 points is 12,000 cells, and each cell as
// three React elements cost more than the rest of the page (render on the server, hydration in
// the browser). A row is built here as one string, with the markup React would write, and
// rendered with dangerouslySetInnerHTML. Pure: no I/O, safe on server and client.
import { cellOf, type MatrixCell } from "~/lib/consolidation";
import { escapeHtml } from "~/lib/html-escape";

/** A cell's class: the symbol CSS draws for it. */
export const CELL_CLASS: Record<MatrixCell, string> = { commented: "c", amended: "a", both: "b", joint: "j", aligned: "l", none: "n" };

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
 * the words for screen readers, or the words for "no comment"), the count of points it addressed
 * itself and, when others' submissions spoke for it on more (issue 19), "+N" with `throughWords`
 * for screen readers. A cell reached through another's submission links to the side-by-side
 * filtered on this delegation, which lists the entries that speak for it.
 */
export function matrixRowHtml(
  row: { code: string; name: string; cells: string; count: number; through?: number },
  hrefs: string[],
  words: Record<Exclude<MatrixCell, "joint" | "aligned">, string> & Partial<Record<"joint" | "aligned", string>>,
  throughWords = "",
): string {
  const code = encodeURIComponent(row.code);
  const none = `<td><span class="v">${escapeHtml(words.none)}</span></td>`;
  const links = {} as Record<Exclude<MatrixCell, "none">, string>;
  for (const cell of ["commented", "amended", "both", "joint", "aligned"] as const) {
    links[cell] = `"><span class="v">${escapeHtml(words[cell] ?? "")}</span></a></td>`;
  }
  let html = `<th scope="row">${escapeHtml(row.name)}</th>`;
  for (let index = 0; index < hrefs.length; index++) {
    const cell = cellOf(row.cells[index]);
    html += cell === "none" ? none : `<td><a class="${CELL_CLASS[cell]}" href="${hrefs[index]}${code}${links[cell]}`;
  }
  const through = row.through ? `<span class="mx-through"> +${row.through}<span class="v"> ${escapeHtml(throughWords)}</span></span>` : "";
  return `${html}<td class="mx-count">${row.count}${through}</td>`;
}
