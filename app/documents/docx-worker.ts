// The worker thread that reads one uploaded file (started by app/utils/docx-in-worker.server.ts).
// The production build bundles it as build/docx-worker.js (app/cli/build.mjs), which starts in a
// third of the time the TypeScript loader takes; docx-worker.mjs loads it from the sources.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { readSubmissionFile } from "./docx-reader";

// Reading an upload yields to the event loop that serves everyone: on Linux a thread's nice value
// is its own (setpriority(2), "Bugs"), so this lowers this worker's thread only. Elsewhere it would
// lower the whole server's, so it is left as it is.
if (process.platform === "linux") setPriority(10);

const file = workerData as { name: string; bytes: Uint8Array };
void readSubmissionFile({ name: file.name, bytes: file.bytes }).then((read) => parentPort?.postMessage(read));
