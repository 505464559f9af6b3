// Converts a Word file to PDF with LibreOffice (`soffice --headless`), so that the PDF is the Word
// file page for page: the same line breaks, running header from page 2, page numbers at the outer
// edge and the footnote at the foot of its page. The PDF is tagged (for screen readers), has the
// headings as its outline, and takes its title and author from the Word file's properties.
//
// LibreOffice is optional (Debian: libreoffice-writer-nogui): `docxToPdfAvailable()` says whether
// it is installed. One conversion at a time per process, each with a user profile of its own (an
// instance holding a profile would take over another's conversion) and a time limit after which the
// whole process group is killed.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Where Debian, the official Linux packages and macOS put the program. */
const SOFFICE_PATHS = [
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
];

type ExportOption = { type: "boolean" | "string" | "long"; value: string };

/** writer_pdf_Export's options: tagged PDF, headings as bookmarks, the title shown by viewers. */
const PDF_EXPORT_OPTIONS: Record<string, ExportOption> = {
  UseTaggedPDF: { type: "boolean", value: "true" },
  ExportBookmarks: { type: "boolean", value: "true" },
  DisplayPDFDocumentTitle: { type: "boolean", value: "true" },
  ExportNotes: { type: "boolean", value: "false" },
};

/** A conversion that takes longer is stopped: a CRP at the scale of DESIGN §5 (2,000 pages) takes 30 s. */
export const DOCX_TO_PDF_TIMEOUT_MS = 300_000;

export class DocxToPdfError extends Error {}

/** The LibreOffice program, or null when it is not installed. */
export function sofficePath(): string | null {
  return SOFFICE_PATHS.find((candidate) => existsSync(candidate)) ?? null;
}

export function docxToPdfAvailable(): boolean {
  return sofficePath() !== null;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every conversion queued before it: LibreOffice works on one file at a time. */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

function runSoffice(soffice: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group: soffice starts soffice.bin, and a timeout must stop both.
    const child = spawn(soffice, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
      reject(new DocxToPdfError(`LibreOffice did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new DocxToPdfError(`LibreOffice could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new DocxToPdfError(`LibreOffice stopped (${signal ?? `exit ${code}`}): ${output.trim().slice(0, 500)}`));
    });
  });
}

/**
 * The Word file as PDF, page for page (see the top of this file). `exportOptions` replaces the
 * writer_pdf_Export options (`{}`: LibreOffice's defaults). Throws a `DocxToPdfError` when LibreOffice
 * is not installed, fails or takes longer than the time limit.
 */
export function docxToPdf(docx: Uint8Array, options: { timeoutMs?: number; exportOptions?: Record<string, ExportOption> } = {}): Promise<Uint8Array> {
  const soffice = sofficePath();
  if (!soffice) return Promise.reject(new DocxToPdfError("LibreOffice is not installed"));
  const exportOptions = options.exportOptions ?? PDF_EXPORT_OPTIONS;
  const filter = Object.keys(exportOptions).length ? `pdf:writer_pdf_Export:${JSON.stringify(exportOptions)}` : "pdf";
  return oneAtATime(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "nonpaper-docx-to-pdf-"));
    try {
      const input = path.join(dir, "document.docx");
      await writeFile(input, docx);
      const args = [
        // A profile of its own, removed with the files (half a second to make; nothing left behind).
        `-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`,
        "--headless",
        "--invisible",
        "--nodefault",
        "--nolockcheck",
        "--nologo",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        dir,
        input,
      ];
      await runSoffice(soffice, args, options.timeoutMs ?? DOCX_TO_PDF_TIMEOUT_MS);
      // LibreOffice exits 0 even when it could not convert: the file is the proof.
      const output = path.join(dir, "document.pdf");
      if (!existsSync(output)) throw new DocxToPdfError("LibreOffice wrote no PDF");
      return new Uint8Array(await readFile(output));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
