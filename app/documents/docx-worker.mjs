// The worker thread started from the sources (`npm run dev`, Vitest, the command-line tools):
// plain JavaScript that Node can start anywhere, loading docx-worker.ts through tsx (a dependency,
// which these run on anyway) with the project's `~/` paths. The production server starts the
// bundled build/docx-worker.js instead (app/utils/docx-in-worker.server.ts).
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const tsconfig = fileURLToPath(new URL("../../tsconfig.json", import.meta.url));
await tsImport("./docx-worker.ts", { parentURL: import.meta.url, tsconfig });
