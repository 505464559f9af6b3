import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "./i18n/i18next";
import { isLanguage } from "./i18n/languages";
import { startNotificationDispatcher } from "./models/outbox.server";
import { databaseHandle } from "./utils/db.server";
import { isMailConfigured } from "./utils/mailer.server";
import { resolveLanguage } from "./utils/i18n.server";

const ABORT_DELAY = 5_000;

/**
 * Called by app/server.ts at start-up: migrate and seed before the first request; then, when a
 * mail server is configured, send the outbox every 30 s (its timer never delays a shutdown).
 */
export async function warmUp() {
  await databaseHandle();
  if (isMailConfigured()) startNotificationDispatcher();
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // The root loader decided the language (it knows the user's profile); fall back if it failed.
  const rootData = remixContext.staticHandlerContext.loaderData?.root as { language?: unknown } | undefined;
  const language = isLanguage(rootData?.language) ? rootData.language : await resolveLanguage(request);
  const i18n = createI18n(language);
  const waitForAll = isbot(request.headers.get("user-agent")) || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </I18nextProvider>,
      {
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("X-Content-Type-Options", "nosniff");
          responseHeaders.set("Referrer-Policy", "same-origin");
          responseHeaders.set("X-Frame-Options", "DENY");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    // Abort a render that hangs; the timer must not keep a shutting-down server alive.
    const timer = setTimeout(abort, ABORT_DELAY);
    timer.unref();
  });
}
