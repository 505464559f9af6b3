// HTTP security for every response, in one place: app/server.ts mounts these Express middlewares
// before the static files and the Remix handler, so pages, .data requests, resource routes,
// downloads and assets all get them. Relative imports only: app/server.ts runs outside Vite.
import { randomBytes } from "node:crypto";
import type { ErrorRequestHandler, RequestHandler, Response as ExpressResponse } from "express";
import helmet from "helmet";
import { fixedTranslator } from "../i18n/i18next";
import { DEFAULT_LANGUAGE, directionOf, isLanguage, languageFromAcceptHeader, type Language } from "../i18n/languages";
import { paths } from "../lib/paths";
import { isSameOriginWrite, prefersJson } from "../lib/same-origin";

type Locals = { cspNonce?: string };

/** The nonce of this response's Content-Security-Policy (set by `cspNonce()`). */
export function nonceOf(res: ExpressResponse | { locals?: Locals }): string {
  return (res.locals as Locals | undefined)?.cspNonce ?? "";
}

/** A fresh nonce per response: Remix's inline scripts carry it (app/entry.server.tsx, app/root.tsx). */
export function cspNonce(): RequestHandler {
  return (_req, res, next) => {
    (res.locals as Locals).cspNonce = randomBytes(16).toString("base64");
    next();
  };
}

/**
 * helmet with the app's policy. Scripts: our own files plus inline scripts that carry this
 * response's nonce; no 'unsafe-inline'. Styles: 'unsafe-inline' stays, because the non-paper and
 * CRP previews render <style> elements that React also inserts on client-side navigation, where
 * no nonce can be known; styles cannot run code. Fonts and images: Vite inlines small font subsets
 * as data: URLs. In development, Vite's HMR needs inline and eval'd scripts and a WebSocket.
 */
export function securityHeaders({ production }: { production: boolean }): RequestHandler {
  const nonceSource = (_req: unknown, res: unknown) => `'nonce-${nonceOf(res as ExpressResponse)}'`;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: production ? ["'self'", nonceSource] : ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: production ? ["'self'"] : ["'self'", "ws:", "wss:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // Sent only over HTTPS (see `strictTransportSecurity` below): over plain HTTP it is ignored
    // at best, and a local or test server must stay reachable.
    strictTransportSecurity: false,
    referrerPolicy: { policy: "same-origin" },
    xFrameOptions: { action: "deny" },
  });
}

/**
 * HSTS only when the request came over HTTPS: req.secure, which honours X-Forwarded-Proto only
 * with TRUST_PROXY. No includeSubDomains: the app does not own its domain's other hosts.
 */
export function strictTransportSecurity(): RequestHandler {
  const hsts = helmet.strictTransportSecurity({ maxAge: 60 * 60 * 24 * 365, includeSubDomains: false });
  return (req, res, next) => (req.secure ? hsts(req, res, next) : next());
}

// Headers that a route may set for its own response, replacing the default set above: the Remix
// adapter *appends* each header of the route's Response, which would otherwise send two values
// (two CSPs are both enforced; "no-store, private, no-store" is noise).
const ROUTE_MAY_REPLACE = new Set(["cache-control", "content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options"]);

/**
 * Dynamic responses (pages, .data, resource routes) are `Cache-Control: no-store` unless the
 * route says otherwise: every page is drawn for one signed-in reader and many show drafts,
 * submissions, receipts or translations that must not stay in a browser's or proxy's cache.
 */
export function dynamicResponseDefaults(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    const append = res.append.bind(res);
    res.append = (field: string, value?: string | string[]) => {
      if (ROUTE_MAY_REPLACE.has(field.toLowerCase()) && value !== undefined) {
        res.setHeader(field, value);
        return res;
      }
      return append(field, value);
    };
    next();
  };
}

function cookieLanguage(cookieHeader: string | undefined): Language | null {
  const raw = cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith("lng="))
    ?.slice(4);
  return isLanguage(raw) ? raw : null;
}

/** The reader's language without the database: the lng cookie, then Accept-Language, then English. */
export function requestLanguage(headers: { cookie?: string; "accept-language"?: string }): Language {
  return cookieLanguage(headers.cookie) ?? languageFromAcceptHeader(headers["accept-language"]) ?? DEFAULT_LANGUAGE;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A small self-contained error page in the reader's language (no app shell: Remix never ran). */
export function errorPage(language: Language, kind: "crossSite" | "unexpected", status: number, nonce: string): string {
  const t = fixedTranslator(language, "common");
  const title = escapeHtml(t(`errors.${kind}.title`));
  return `<!DOCTYPE html>
<html lang="${language}" dir="${directionOf(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Nonpaper</title>
<style nonce="${escapeHtml(nonce)}">
body { font-family: system-ui, sans-serif, "Noto Sans Arabic", "Noto Sans SC"; color: #1b1f24; margin: 0; }
main { max-inline-size: 40rem; margin-block: 4rem; margin-inline: auto; padding-inline: 1.5rem; }
h1 { color: #073a66; font-size: 1.6rem; }
.status { color: #545b64; margin-block-end: 0.25rem; }
a { color: #0a4f8a; }
</style>
</head>
<body>
<main>
<p class="status">${escapeHtml(t("errors.status", { status }))}</p>
<h1>${title}</h1>
<p>${escapeHtml(t(`errors.${kind}.body`))}</p>
<p><a href="${paths.home()}">${escapeHtml(t("errors.backHome"))}</a></p>
</main>
</body>
</html>
`;
}

/**
 * Refuses cross-site writes (app/lib/same-origin.ts) with 403, before any route runs: a page in
 * the reader's language, or `{ ok: false, reason: "cross_site" }` for clients that want JSON.
 * The site's origin is PUBLIC_URL when set, else the scheme and host the request came to.
 */
export function sameOriginWrites({ publicUrl }: { publicUrl?: string }): RequestHandler {
  return (req, res, next) => {
    const allowed = isSameOriginWrite({
      method: req.method,
      origin: req.get("origin") ?? null,
      secFetchSite: req.get("sec-fetch-site") ?? null,
      siteOrigin: publicUrl ?? `${req.protocol}://${req.get("host") ?? ""}`,
    });
    if (allowed) return next();
    res.status(403).setHeader("Cache-Control", "no-store");
    res.vary("Accept");
    if (prefersJson(req.get("accept") ?? null, req.get("content-type") ?? null)) {
      res.json({ ok: false, reason: "cross_site" });
      return;
    }
    res.type("html").send(errorPage(requestLanguage(req.headers), "crossSite", 403, nonceOf(res)));
  };
}

/**
 * The last resort for an error outside Remix (Remix's own errors are sanitised in production by
 * its handler and drawn by the error boundaries): a generic page, never a stack trace.
 */
export function genericErrors(): ErrorRequestHandler {
  return (error, req, res, next) => {
    console.error(error);
    if (res.headersSent) return next(error);
    res.status(500).setHeader("Cache-Control", "no-store");
    res.type("html").send(errorPage(requestLanguage(req.headers), "unexpected", 500, nonceOf(res)));
  };
}
