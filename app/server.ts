// The HTTP server: Express in front of Remix so that loaders know the client's address
// (rate limits, audit log). `npm start` runs it on the production build, `npm run dev` with Vite.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, req.ip and req.protocol come from X-Forwarded-* (TRUST_PROXY=1).
app.set("trust proxy", process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true");
app.use(compression());

let build: ServerBuild | (() => Promise<ServerBuild>);
if (production) {
  app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
  build = (await import(path.join(root, "build/server/index.js"))) as ServerBuild;
} else {
  const vite = await import("vite");
  const devServer = await vite.createServer({ root, server: { middlewareMode: true } });
  app.use(devServer.middlewares);
  build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
}

app.all(
  "*",
  createRequestHandler({
    build,
    mode: production ? "production" : "development",
    getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

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
