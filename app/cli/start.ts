// `npm start`: the production server, after rebuilding if any source changed since the last build.
import { buildIfStale } from "./build";

process.env.NODE_ENV = "production";
buildIfStale();
await import("../server");
