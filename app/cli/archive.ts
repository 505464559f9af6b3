// `npm run archive -- --export CONSULTATION_ID --out FILE` writes a consultation of the configured
// database (DATABASE_URL, or the embedded PGlite in PGLITE_DATA_DIR, as the app chooses) to a JSON
// archive; `npm run archive -- --import FILE` imports one into it and prints the new consultation's
// id; `--schema` prints the format's JSON Schema (db/archive.schema.json). No running server is
// needed (stop one that uses the same PGlite folder first: PGlite is single-process). As on the
// import page, an import that would create accounts or give chairs access lists them and stops;
// `--confirm DIGEST` (the digest it printed) imports that same file as listed. Exit codes: 0 done,
// 1 refused (no such consultation, a file that is not a valid archive: its problems are listed;
// an import to confirm), 2 wrong arguments.
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { archiveJsonSchema, readArchiveText, serializeArchive } from "~/lib/archive-schema";
import { isUuid } from "~/lib/ids";
import { ArchiveConfirmationError, ArchiveValidationError, exportConsultation, importConsultation, type ImportPlan } from "~/models/archive.server";
import { closeDb, getDb } from "~/utils/db.server";

export const ARCHIVE_USAGE = `Usage:
  npm run archive -- --export CONSULTATION_ID --out FILE   write a consultation to a JSON archive
  npm run archive -- --import FILE                         import an archive; prints the new consultation's id
  npm run archive -- --import FILE --confirm DIGEST        import one that creates accounts or gives chairs access, as listed
  npm run archive -- --schema > db/archive.schema.json     print the format's JSON Schema
The database is the app's: DATABASE_URL, or the embedded one in PGLITE_DATA_DIR (.data/dev).`;

type Output = { out: (line: string) => void; err: (line: string) => void };
const console_: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Lists an archive's problems, at most `limit` of them, one per line. */
export function describeProblems(error: ArchiveValidationError, limit = 20): string[] {
  const lines = error.problems.slice(0, limit).map((p) => `  ${p.path}: ${p.message}`);
  if (error.problems.length > limit) lines.push(`  … and ${error.problems.length - limit} more`);
  return ["The archive cannot be imported:", ...lines];
}

/** What an import would create, and how to confirm it. */
export function describePlan(plan: ImportPlan): string[] {
  return [
    "The import creates accounts or gives chairs access; nothing has been imported.",
    ...plan.accounts.map((a) => `  new account: ${a.email} (${a.name}), ${a.role}${a.delegation ? ` of ${a.delegation}` : ""}, without a password`),
    ...plan.chairs.map((c) => `  chair access: ${c.email} (${c.name})${c.existing ? ", an existing account" : ", the new account"}`),
    `To import this file as listed: --confirm ${plan.confirmation}`,
  ];
}

/** Reads and parses a JSON file (its nesting checked before it is parsed); a message instead when it cannot. */
export async function readJsonFile(file: string): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return { ok: false, message: `Cannot read ${file}: ${(error as Error).message}` };
  }
  const read = readArchiveText(text);
  if (read.ok) return read;
  if (read.reason === "notJson") return { ok: false, message: `${file} is not JSON: ${read.message}` };
  return { ok: false, message: describeProblems(new ArchiveValidationError(read.problems)).join("\n") };
}

export async function main(argv: string[], io: Output = console_): Promise<number> {
  let values: { export?: string; out?: string; import?: string; confirm?: string; schema?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        export: { type: "string" },
        out: { type: "string" },
        import: { type: "string" },
        confirm: { type: "string" },
        schema: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${ARCHIVE_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(ARCHIVE_USAGE);
    return 0;
  }
  if (values.schema && values.export === undefined && values.import === undefined) {
    io.out(JSON.stringify(archiveJsonSchema(), null, 2));
    return 0;
  }
  const exporting = values.export !== undefined;
  const importing = values.import !== undefined;
  if (exporting === importing || (exporting && !values.out) || (importing && values.out) || (exporting && values.confirm !== undefined)) {
    io.err(ARCHIVE_USAGE);
    return 2;
  }
  if (exporting && !isUuid(values.export)) {
    io.err(`Not a consultation id: ${values.export}\n${ARCHIVE_USAGE}`);
    return 2;
  }

  try {
    if (exporting) {
      const archive = await exportConsultation(await getDb(), values.export!);
      if (!archive) {
        io.err(`No consultation ${values.export} in this database.`);
        return 1;
      }
      await writeFile(values.out!, serializeArchive(archive));
      io.out(`Wrote ${values.out} (${archive.consultation.title}, ${archive.consultation.receiptPrefix}).`);
      return 0;
    }
    const read = await readJsonFile(values.import!);
    if (!read.ok) {
      io.err(read.message);
      return 1;
    }
    const result = await importConsultation(await getDb(), read.value, { confirmation: values.confirm ?? null });
    if (result.remapped) io.err(`This database already held the consultation: imported as a copy with new ids, receipt prefix ${result.receiptPrefix}.`);
    io.out(result.consultationId);
    return 0;
  } catch (error) {
    if (error instanceof ArchiveValidationError) {
      for (const line of describeProblems(error)) io.err(line);
      return 1;
    }
    if (error instanceof ArchiveConfirmationError) {
      if (error.reason === "changed") io.err("The file or this database changed since that digest was printed; nothing has been imported.");
      for (const line of describePlan(error.plan)) io.err(line);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } finally {
    await closeDb();
  }
}
