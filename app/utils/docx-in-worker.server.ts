// Reads an uploaded submission in a worker thread, so that a hostile Word document costs one
// refused request and never the server: the worker has its own heap ceiling and a deadline, and is
// terminated when it passes either; the event loop that serves everyone else is never blocked.
// docx-reader.ts already refuses zip bombs and whole reports before mammoth builds anything; this
// is the backstop for whatever else mammoth might choke on. Text (typed, pasted or a .txt file) is
// cheap and read here.
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { readSubmissionFile, type SubmissionFileRead } from "~/documents/docx-reader";
import { checkUpload, rejectUpload } from "~/lib/upload-check";
import { projectRoot } from "../../db/files";

export type WorkerLimits = {
  /** Wall-clock time for one document, worker start included. */
  timeoutMs: number;
  /** V8's old generation, where mammoth's document tree lives. */
  heapMb: number;
};

/** A note is read in well under a second; the largest document the reader accepts, in about 5 s. */
export const DOCX_WORKER_LIMITS: WorkerLimits = { timeoutMs: 20_000, heapMb: 512 };

/**
 * As many documents at a time as there are cores but one, which stays with the event loop that
 * serves everyone else (on two cores, one at a time: a note is read in about 0.2 s); the others
 * wait their turn.
 */
const MAX_PARALLEL = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

// From the server bundle (build/server/), the worker built beside it (build/docx-worker.js, plain
// JavaScript: a third of the start-up time); from the sources, the launcher that loads it with tsx.
const workerFile = () => {
  const root = projectRoot();
  const bundled = fileURLToPath(import.meta.url).startsWith(path.join(root, "build") + path.sep);
  return bundled ? path.join(root, "build", "docx-worker.js") : path.join(root, "app", "documents", "docx-worker.mjs");
};

/** Reads a DOCX in a worker thread; a timeout, running out of memory or a crash is "too_complex". */
export function readDocxInWorker(file: { name: string; bytes: Uint8Array }, limits: WorkerLimits = DOCX_WORKER_LIMITS): Promise<SubmissionFileRead> {
  return inTurn(
    () =>
      new Promise<SubmissionFileRead>((resolve) => {
        // A copy of its own, handed over rather than copied again.
        const bytes = new Uint8Array(file.bytes);
        const worker = new Worker(workerFile(), {
          workerData: { name: file.name, bytes },
          transferList: [bytes.buffer],
          // Not the parent's flags (a loader, inspector or heap size); tsx is loaded by the worker itself.
          execArgv: [],
          resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
          stdout: false,
          stderr: false,
        });
        let settled = false;
        const settle = (read: SubmissionFileRead) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          void worker.terminate();
          resolve(read);
        };
        const timer = setTimeout(() => settle(rejectUpload("too_complex")), limits.timeoutMs);
        worker.once("message", (read: SubmissionFileRead) => settle(read));
        worker.once("error", (error) => {
          // ERR_WORKER_OUT_OF_MEMORY, or a failure to start: one refused request, logged.
          if ((error as { code?: string }).code !== "ERR_WORKER_OUT_OF_MEMORY") console.error("Nonpaper: docx worker", error);
          settle(rejectUpload("too_complex"));
        });
        worker.once("exit", () => settle(rejectUpload("too_complex")));
      }),
  );
}

/**
 * readSubmissionFile (app/documents/docx-reader.ts) for the server: the same answer, with Word
 * documents read in a worker thread.
 */
export async function readSubmissionFileSafely(file: { name: string; bytes: Uint8Array }): Promise<SubmissionFileRead> {
  const checked = checkUpload(file);
  if (!checked.ok || checked.kind === "text") return readSubmissionFile(file);
  return readDocxInWorker(file);
}
