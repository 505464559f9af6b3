// The benchmark's output: figures with their bars (DESIGN.md §5, issue 13) as a Markdown table
// headed by the date and the machine, the pages and the burst's steps as tables of their own, and
// the same figures as JSON [{ name, value, unit, bar?, baseline?, ratio?, pass? }].
import os from "node:os";

export type Row = { name: string; value: number | null; unit: string; bar?: string; baseline?: number; ratio?: number; pass?: boolean; note?: string };
type Test = { below?: number; atMost?: number; atLeast?: number; ratioAtMost?: number };

const fmt = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? "—"
    : value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const digitsFor = (unit: string) => (unit === "s" || unit === "×" ? 2 : 0);

export class Report {
  readonly rows: Row[] = [];
  readonly errors: string[] = [];
  readonly tables: string[] = [];

  add(name: string, value: number | null, unit: string, test: Test = {}, baseline?: number, note?: string): Row {
    const ratio = baseline && value !== null ? value / baseline : undefined;
    const row: Row = { name, value, unit, ...(baseline !== undefined ? { baseline, ratio } : {}), ...(note ? { note } : {}) };
    const bars: string[] = [];
    const checks: boolean[] = [];
    const v = value ?? NaN;
    if (test.below !== undefined) {
      bars.push(`< ${fmt(test.below, digitsFor(unit))} ${unit}`);
      checks.push(v < test.below);
    }
    if (test.atMost !== undefined) {
      bars.push(`≤ ${fmt(test.atMost, digitsFor(unit))} ${unit}`);
      checks.push(v <= test.atMost);
    }
    if (test.atLeast !== undefined) {
      bars.push(`≥ ${fmt(test.atLeast, digitsFor(unit))} ${unit}`);
      checks.push(v >= test.atLeast);
    }
    if (test.ratioAtMost !== undefined) {
      bars.push(`≤ ${test.ratioAtMost}× baseline`);
      checks.push(ratio !== undefined && ratio <= test.ratioAtMost);
    }
    if (bars.length) {
      row.bar = bars.join(", ");
      row.pass = checks.every(Boolean);
    }
    this.rows.push(row);
    return row;
  }

  /** An extra Markdown table (pages, burst steps). */
  table(title: string, header: string[], lines: (string | number)[][]) {
    this.tables.push(
      `**${title}**\n\n| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n${lines.map((l) => `| ${l.join(" | ")} |`).join("\n")}`,
    );
  }

  failures(): Row[] {
    return this.rows.filter((r) => r.pass === false);
  }

  markdown(heading: string): string {
    const lines = this.rows.map((r) => {
      const value = r.value === null ? "—" : fmt(r.value, digitsFor(r.unit));
      return `| ${r.name} | ${value} | ${r.unit}${r.note ? ` (${r.note})` : ""} | ${r.baseline !== undefined ? fmt(r.baseline, digitsFor(r.unit)) : ""} | ${r.ratio !== undefined ? `${fmt(r.ratio, 2)}×` : ""} | ${r.bar ?? ""} | ${r.pass === undefined ? "" : r.pass ? "pass" : "**FAIL**"} |`;
    });
    return [
      heading,
      "",
      "| figure | value | unit | baseline | ratio | bar | pass/fail |",
      "|---|---:|---|---:|---|---|---|",
      ...lines,
      "",
      ...this.tables.flatMap((t) => [t, ""]),
      this.errors.length
        ? `**Errors (${this.errors.length})**\n\n${this.errors
            .slice(0, 40)
            .map((e) => `- ${e}`)
            .join("\n")}${this.errors.length > 40 ? `\n- … and ${this.errors.length - 40} more` : ""}\n`
        : "No errors: every page 200 and complete, every submission kept once.\n",
    ].join("\n");
  }

  json(): Row[] {
    return this.rows;
  }
}

/** "Measured 2026-12-06 on AMD EPYC, 2 cores, 23 GB, Node v20.20.2, PGlite (embedded)". */
export function machineLine(database: string): string {
  const cpus = os.cpus();
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${cpus[0]?.model.trim() ?? "CPU"}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM · Node ${process.version} · ${database}`;
}
