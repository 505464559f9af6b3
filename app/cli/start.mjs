// `npm start`: the production server on plain node, after rebuilding if any source changed since
// the last build (app/cli/build.mjs). JavaScript, so that no TypeScript loader stays in memory.
import { buildIfStale } from "./build.mjs";

process.env.NODE_ENV = "production";
buildIfStale();
await import("../../build/server.js");
