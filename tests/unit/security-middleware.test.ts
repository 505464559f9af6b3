// The Express middlewares of app/server.ts at the HTTP level, on a tiny app with stand-in routes:
// HSTS only over HTTPS behind a trusted proxy, a route's own headers replacing the defaults rather
// than doubling them, and the cross-site refusal (JSON or a localized page).
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cspNonce, dynamicResponseDefaults, nonceOf, sameOriginWrites, securityHeaders, strictTransportSecurity } from "~/utils/security.server";

let base = "";
let close = () => {};

beforeAll(async () => {
  const app = express();
  app.set("trust proxy", true);
  app.use(cspNonce(), securityHeaders({ production: true }), strictTransportSecurity());
  app.use(sameOriginWrites({}));
  app.all("*", dynamicResponseDefaults(), (req, res) => {
    // As @remix-run/express sends a route's Response: every header appended.
    if (req.path === "/download") {
      res.append("Cache-Control", "private, no-store");
      res.append("X-Content-Type-Options", "nosniff");
      res.append("Content-Security-Policy", "default-src 'none'");
    }
    res.append("Set-Cookie", "a=1");
    res.append("Set-Cookie", "b=2");
    res.send(`nonce:${nonceOf(res)}`);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe("security middlewares", () => {
  it("sends HSTS only for requests that came over HTTPS (through a trusted proxy)", async () => {
    const plain = await fetch(`${base}/page`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const secure = await fetch(`${base}/page`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  it("draws a nonce per response and puts it in the script-src", async () => {
    const first = await fetch(`${base}/page`);
    const nonce = (await first.text()).slice("nonce:".length);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(first.headers.get("content-security-policy")).toContain(`script-src 'self' 'nonce-${nonce}'`);
    const second = await fetch(`${base}/page`);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    expect(first.headers.get("cache-control")).toBe("no-store");
  });

  it("lets a route's own security headers replace the defaults, never doubling them", async () => {
    const response = await fetch(`${base}/download`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
    // Other headers still accumulate.
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });

  it("refuses a cross-site write: JSON for JSON clients, a page in the reader's language otherwise", async () => {
    const json = await fetch(`${base}/x/submission/draft`, {
      method: "POST",
      headers: { Origin: "https://evil.example", Accept: "application/json" },
      body: new FormData(),
    });
    expect(json.status).toBe(403);
    expect(await json.json()).toEqual({ ok: false, reason: "cross_site" });

    const page = await fetch(`${base}/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Accept-Language": "es-PE,es;q=0.9", Cookie: "lng=zh" },
      body: new URLSearchParams({ email: "x" }),
    });
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain('<html lang="zh" dir="ltr">');
    expect(html).toContain("请求被拒绝");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("lets same-origin writes and reads from anywhere through", async () => {
    const same = await fetch(`${base}/login`, { method: "POST", headers: { Origin: base }, body: "" });
    expect(same.status).toBe(200);
    const read = await fetch(`${base}/page`, { headers: { Origin: "https://evil.example" } });
    expect(read.status).toBe(200);
  });
});
