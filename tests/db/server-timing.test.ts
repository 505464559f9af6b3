// The benchmark's opt-in instrument (app/utils/server-timing.server.ts): with
// NONPAPER_SERVER_TIMING=1 every response says how many SQL statements its request ran,
// transactions included, and requests running at the same time do not mix their counts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { countSqlStatements, serverTiming } from "~/utils/server-timing.server";
import { useTestDatabase } from "./support";

useTestDatabase();

let server: http.Server;
let base = "";
const previous = process.env.NONPAPER_SERVER_TIMING;

beforeAll(async () => {
  process.env.NONPAPER_SERVER_TIMING = "1";
  countSqlStatements(await getDb());
  const app = express();
  app.use(serverTiming());
  app.get("/queries/:n", async (req, res) => {
    const db = await getDb();
    const n = Number(req.params.n);
    // Half outside, half inside a transaction, with a pause so that requests overlap.
    for (let i = 0; i < Math.floor(n / 2); i++) await db.execute(sql`select ${i}::int as i`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await db.transaction(async (tx) => {
      for (let i = 0; i < n - Math.floor(n / 2); i++) await tx.execute(sql`select ${i}::int as i`);
    });
    res.send("done");
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (previous === undefined) delete process.env.NONPAPER_SERVER_TIMING;
  else process.env.NONPAPER_SERVER_TIMING = previous;
  await new Promise((resolve) => server.close(resolve));
});

const statementsOf = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  const timing = response.headers.get("server-timing") ?? "";
  return Number(/db;desc="sql";dur=(\d+)/.exec(timing)?.[1] ?? NaN);
};

describe("Server-Timing", () => {
  it("counts each request's statements, transactions included, apart from concurrent requests", async () => {
    expect(await Promise.all([statementsOf("/queries/1"), statementsOf("/queries/4"), statementsOf("/queries/9")])).toEqual([1, 4, 9]);
  });

  it("says nothing when it is off", async () => {
    delete process.env.NONPAPER_SERVER_TIMING;
    const app = express()
      .use(serverTiming())
      .get("/", (_req, res) => void res.send("ok"));
    const off = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => off.once("listening", resolve));
    const response = await fetch(`http://127.0.0.1:${(off.address() as AddressInfo).port}/`);
    expect(response.headers.get("server-timing")).toBeNull();
    await new Promise((resolve) => off.close(resolve));
    process.env.NONPAPER_SERVER_TIMING = "1";
  });
});
