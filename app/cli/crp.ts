// `npm run crp -- --archive FILE --out DIR`: the CRP of an archived consultation, with no server
// and no database of one's own. The archive is imported into a scratch in-memory PGlite (migrated,
// with the delegations only); its latest final compilation is written if it has one, otherwise
// the CRP is compiled from the data: final when nothing is missing, else a draft (what is missing
// is listed on stderr). Writes crp.docx, crp.pdf, crp.html and crp.md into DIR; the PDF is the Word
// file converted by LibreOffice, else the HTML printed by Chromium, and without either it is skipped
// with a warning. Exit codes: 0 written, 1 refused (a file that is not a valid archive), 2 wrong
// arguments.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { openDatabase } from "../../db/client";
import { seedDatabase } from "../../db/seed";
import { renderCrpDocx } from "~/documents/crp-docx";
import { buildCrpModel, crpToHtml, crpToMarkdown, type CrpMissing, type CrpModel } from "~/documents/crp";
import type { Archive } from "~/lib/archive-schema";
import { isCalendarDate } from "~/lib/crp-forms";
import { ArchiveValidationError, importConsultation } from "~/models/archive.server";
import { loadCrpData } from "~/models/crp.server";
import { closePdfBrowser, printDocumentPdf } from "~/utils/pdf.server";
import { describeProblems, readJsonFile } from "./archive";

export const CRP_USAGE = `Usage:
  npm run crp -- --archive FILE --out DIR [--issued-on YYYY-MM-DD]
      write crp.docx, crp.pdf, crp.html and crp.md of an archived consultation; a CRP compiled
      from the data is dated --issued-on, else as the archive's latest CRP version was, else today,
      and keeps that version's choice of "[Original: …]" lines`;

type Output = { out: (line: string) => void; err: (line: string) => void };
const console_: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** One line per gap, as the CRP page lists them. */
export function describeMissing(missing: CrpMissing[]): string[] {
  return missing.map((m) =>
    m.kind === "fact"
      ? `  ${m.description}`
      : `  ${m.delegationName}, ${m.agendaItem}${m.label ? ` ${m.label}` : ""} (${m.commentKind}, ${m.language}): translation ${m.status}`,
  );
}

/**
 * What the secretariat chose for the archive's latest CRP version: its date of issue ("YYYY-MM-DD")
 * if its model keeps one, and whether translated comments carried "[Original: …]" lines.
 */
function archivedChoices(archive: Archive): { issuedOn: string | null; originalLines: boolean } {
  const crps = archive.generatedDocuments.filter((d) => d.kind === "crp").sort((a, b) => b.versionNumber - a.versionNumber);
  const latest = crps[0]?.model as Partial<CrpModel> | undefined;
  const date = latest?.masthead?.issuedOn;
  return { issuedOn: typeof date === "string" && isCalendarDate(date) ? date : null, originalLines: latest?.originalLines !== false };
}

/** The archive's latest final CRP compilation, if any. */
function savedFinal(archive: Archive): { versionNumber: number; model: CrpModel } | null {
  const finals = archive.generatedDocuments.filter((d) => d.kind === "crp" && d.status === "final");
  const latest = finals.sort((a, b) => b.versionNumber - a.versionNumber)[0];
  return latest ? { versionNumber: latest.versionNumber, model: latest.model as CrpModel } : null;
}

export async function main(argv: string[], io: Output = console_, options: { issuedOn?: string } = {}): Promise<number> {
  let values: { archive?: string; out?: string; "issued-on"?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { archive: { type: "string" }, out: { type: "string" }, "issued-on": { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${CRP_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(CRP_USAGE);
    return 0;
  }
  if (!values.archive || !values.out) {
    io.err(CRP_USAGE);
    return 2;
  }
  const issuedOnFlag = values["issued-on"] ?? options.issuedOn;
  if (issuedOnFlag !== undefined && !isCalendarDate(issuedOnFlag)) {
    io.err(`--issued-on: "${issuedOnFlag}" is not a date as YYYY-MM-DD.\n${CRP_USAGE}`);
    return 2;
  }
  const read = await readJsonFile(values.archive);
  if (!read.ok) {
    io.err(read.message);
    return 1;
  }

  const scratch = await openDatabase({ dataDir: "memory://" });
  let model: CrpModel;
  try {
    await seedDatabase(scratch.db, { demo: false });
    let imported;
    try {
      // A throwaway database: the people are created as the file names them, nothing to confirm.
      imported = await importConsultation(scratch.db, read.value, { scratch: true });
    } catch (error) {
      if (!(error instanceof ArchiveValidationError)) throw error;
      for (const line of describeProblems(error)) io.err(line);
      return 1;
    }
    // importConsultation has checked the file: it is an Archive.
    const saved = savedFinal(read.value as Archive);
    if (saved) {
      io.err(`The archive holds the final CRP (version ${saved.versionNumber}): writing it, with its own date of issue.`);
      if (issuedOnFlag) io.err("--issued-on is not applied: an issued CRP keeps its date.");
      model = saved.model;
    } else {
      // A CRP rebuilt from an archive of 2020 is dated as it was issued then, not the day it is rebuilt.
      const archived = archivedChoices(read.value as Archive);
      const issuedOn = issuedOnFlag ?? archived.issuedOn ?? undefined;
      const data = (await loadCrpData(scratch.db, imported.consultationId, { issuedOn }))!;
      const { originalLines } = archived;
      const final = buildCrpModel(data, { final: true, originalLines });
      if (final.ok) model = final.model;
      else {
        io.err("The final CRP cannot be compiled yet; writing a draft, which marks these gaps:");
        for (const line of describeMissing(final.missing)) io.err(line);
        const draft = buildCrpModel(data, { final: false, originalLines });
        if (!draft.ok) throw new Error("a draft CRP always compiles");
        model = draft.model;
      }
      if (!issuedOn) io.err(`No date of issue in the archive and no --issued-on: the CRP is dated today (${model.masthead.date}).`);
    }
  } finally {
    await scratch.close();
  }

  await mkdir(values.out, { recursive: true });
  const html = crpToHtml(model, { document: true });
  const docx = new Uint8Array(await renderCrpDocx(model));
  const files: [string, Uint8Array | string][] = [
    ["crp.docx", docx],
    ["crp.html", html],
    ["crp.md", crpToMarkdown(model)],
  ];
  try {
    // The Word file converted by LibreOffice when installed, else the HTML printed by Chromium.
    files.push(["crp.pdf", (await printDocumentPdf({ docx: async () => docx, html: () => html, headerText: model.draftMark })).pdf]);
  } catch (error) {
    io.err(
      `Warning: crp.pdf not written, neither LibreOffice nor Chromium could make it (${(error as Error).message.split("\n")[0]}). Print crp.html or crp.docx instead.`,
    );
  } finally {
    await closePdfBrowser();
  }
  for (const [name, content] of files) {
    const target = path.join(values.out, name);
    await writeFile(target, content);
    io.out(`Wrote ${target}`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
