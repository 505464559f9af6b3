// The worker thread that reads one uploaded file (started by app/utils/docx-in-worker.server.ts).
// Plain JavaScript, and outside the server bundle, so that Node can start it from the sources in
// every setting: the production server, `npm run dev` and Vitest. tsx (a dependency, which the
// server runs on anyway) loads the TypeScript reader, with the project's `~/` paths.
import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const tsconfig = fileURLToPath(new URL("../../tsconfig.json", import.meta.url));
const { readSubmissionFile } = await tsImport("./docx-reader.ts", { parentURL: import.meta.url, tsconfig });

/** @type {{ name: string; bytes: Uint8Array }} */
const file = workerData;
parentPort?.postMessage(await readSubmissionFile({ name: file.name, bytes: file.bytes }));
