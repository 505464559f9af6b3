// The HTTP server: Express in front of Remix so that loaders know the client's address
// (rate limits, audit log). In production it runs built, as build/server.js on plain node
// (app/cli/build.mjs; `npm start`, `npm run serve`); `npm run dev` runs this file through tsx with Vite.
import { readdirSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { retryAfterOnUnavailable, withDatabaseOutagePages } from "./utils/database-outage.server";
import { env } from "./utils/env.server";
import { cspNonce, dynamicResponseDefaults, genericErrors, nonceOf, sameOriginWrites, securityHeaders, strictTransportSecurity } from "./utils/security.server";
import { serverTiming } from "./utils/server-timing.server";
import { installUncaughtExceptionPolicy } from "./utils/uncaught.server";

// First of all: an uncaught exception exits with code 1 for the supervisor to restart the server,
// except postgres.js's known write-after-close fault, which is survived (app/utils/uncaught.server.ts).
installUncaughtExceptionPolicy();

// The embedded database's WebAssembly compiled by V8's baseline tier only: the optimizing tier held
// ~50 MB more of an idle server's memory and made no query measurably faster (issue 13). Set here,
// the process's entry, before the database opens; tests and command-line tools keep V8's default.
v8.setFlagsFromString("--liftoff-only");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const app = express();
app.disable("x-powered-by");
// Behind reverse proxies, req.ip and req.protocol come from X-Forwarded-*, believed only as far
// as TRUST_PROXY says (a number of hops or the proxies' addresses; app/utils/env.server.ts).
app.set("trust proxy", env().TRUST_PROXY);
app.use(serverTiming()); // SQL statements and time per request, only with NONPAPER_SERVER_TIMING=1
app.use(compression());
// Security headers on every response (pages, .data, files, assets), then the one check against
// cross-site writes, before anything else can act on the request (app/utils/security.server.ts).
app.use(cspNonce(), securityHeaders({ production }), strictTransportSecurity());
app.use(sameOriginWrites({ publicUrl: env().PUBLIC_URL }));
// A database restart or failover answers 503 with Retry-After (app/utils/database-outage.server.ts).
app.use(retryAfterOnUnavailable());

let build: ServerBuild | (() => Promise<ServerBuild>);
if (production) {
  app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  // The other files of public/ (favicon…) by name: a static handler for the whole folder stats the
  // disk for every page request first.
  const client = path.join(root, "build/client");
  const publicEntries = new Set(readdirSync(client).filter((name) => name !== "assets"));
  const publicFiles = express.static(client, { maxAge: "1h" });
  app.use((req, res, next) => (publicEntries.has(req.path.split("/")[1] ?? "") ? publicFiles(req, res, next) : next()));
  build = withDatabaseOutagePages((await import(path.join(root, "build/server/index.js"))) as ServerBuild);
} else {
  const vite = await import("vite");
  const devServer = await vite.createServer({ root, server: { middlewareMode: true } });
  app.use(devServer.middlewares);
  build = async () => withDatabaseOutagePages((await devServer.ssrLoadModule("virtual:remix/server-build")) as ServerBuild);
}

app.all(
  "*",
  dynamicResponseDefaults(),
  createRequestHandler({
    build,
    mode: production ? "production" : "development",
    getLoadContext: (req, res) => ({
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      cspNonce: nonceOf(res),
    }),
  }),
);
app.use(genericErrors());

const server = app.listen(port, host, () => {
  console.log(`Nonpaper listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
  // Open the database now rather than on the first request: migrations and demo data at start-up.
  if (production) {
    void (build as ServerBuild & { entry: { module: { warmUp?: () => Promise<void> } } }).entry.module
      .warmUp?.()
      .then(() => console.log("Nonpaper: database ready"))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  }
});

// Clean shutdown: stop accepting, drop idle keep-alive sockets; the database closes itself
// on the same signals (app/utils/db.server.ts).
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exitCode ?? 0);
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
