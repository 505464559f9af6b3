import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { I18nextProvider } from "react-i18next";
import { serverI18n } from "./i18n/i18next";
import { isLanguage } from "./i18n/languages";
import { startNotificationDispatcher } from "./models/outbox.server";
import { databaseHandle } from "./utils/db.server";
import { assertPublicUrlForServer, publicUrlWarning } from "./utils/env.server";
import { renderHtmlStream } from "./utils/html-stream.server";
import { createRenderWatchdog } from "./utils/render-watchdog.server";
import { isMailConfigured } from "./utils/mailer.server";
import { NonceProvider } from "./utils/nonce";
import { resolveLanguage } from "./utils/i18n.server";

/** A render that produced no byte for this long, with the server idle, has hung: it is stopped. */
const STALL_MS = 10_000;

/**
 * Called by app/server.ts at start-up: migrate and seed before the first request; then, when a
 * mail server is configured, send the outbox every 30 s (its timer never delays a shutdown).
 */
export async function warmUp() {
  const settings = { NODE_ENV: process.env.NODE_ENV, PUBLIC_URL: process.env.PUBLIC_URL, DATABASE_URL: process.env.DATABASE_URL };
  assertPublicUrlForServer(settings);
  const warning = publicUrlWarning(settings);
  if (warning) console.warn(warning);
  await databaseHandle();
  if (isMailConfigured()) startNotificationDispatcher();
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext?: AppLoadContext,
) {
  // The root loader decided the language (it knows the user's profile); fall back if it failed.
  const rootData = remixContext.staticHandlerContext.loaderData?.root as { language?: unknown } | undefined;
  const language = isLanguage(rootData?.language) ? rootData.language : await resolveLanguage(request);
  const i18n = serverI18n(language);
  const waitForAll = isbot(request.headers.get("user-agent")) || remixContext.isSpaMode;

  let status = responseStatusCode;
  // Stop the render when its reader has gone or it has stalled, never because it is long: a page of
  // 19 MB takes seconds and must arrive whole (app/utils/render-watchdog.server.ts).
  const watchdog = createRenderWatchdog({ readerGone: request.signal, idleMs: STALL_MS });
  const { signal } = watchdog;
  // The Content-Security-Policy nonce app/server.ts made for this response: every inline script
  // Remix and React write must carry it.
  const nonce = loadContext?.cspNonce ?? "";
  const rendering = renderHtmlStream(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce || undefined} />
      </I18nextProvider>
    </NonceProvider>,
    {
      signal,
      nonce,
      waitForAll,
      onError(error: unknown) {
        status = 500;
        if (!signal.aborted) console.error(error);
      },
    },
  );
  const body = await rendering.catch((error: unknown) => {
    watchdog.stop();
    throw error;
  });
  // nosniff, Referrer-Policy, frame-ancestors, CSP and Cache-Control: app/utils/security.server.ts.
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(watchdog.deliver(body), { headers: responseHeaders, status });
}
