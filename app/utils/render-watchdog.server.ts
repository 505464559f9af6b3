// When to stop rendering a page: when its reader has gone, or when the render has stalled. Never
// because it is long: a full-scale page (the translation desk's 12,000 rows were 19 MB) takes
// seconds and is still making progress; cutting it at a fixed delay sent a 500, or a page whose
// loader data was cut off, to every reader of it.
//
// Progress is bytes coming out of React, or the event loop being busy: React renders what is ready
// synchronously, so a long render blocks every timer; a timer that fires late means work was done,
// not that nothing happened. A render that waits (a promise that never settles) leaves the loop
// idle and no bytes come: after `idleMs` of that, it is aborted, and React closes the page.

/** How long a render may wait with no byte produced and the event loop idle (entry.server.tsx). */
export const DEFAULT_IDLE_MS = 10_000;

export type RenderWatchdog = {
  /** Aborts the render: the reader has gone, or the render stalled. For renderToReadableStream. */
  signal: AbortSignal;
  /**
   * The page as the response's body: reads React's stream as fast as React writes it (React
   * enqueues every byte without waiting for the reader anyway), counting each chunk as progress.
   * Cancelling it (the client went away) aborts the render.
   */
  deliver(source: ReadableStream<Uint8Array>): ReadableStream<Uint8Array>;
  /** Stops watching (a render that failed before it produced a stream). */
  stop(): void;
};

export class RenderStalledError extends Error {
  constructor(idleMs: number) {
    super(`The render produced nothing for ${idleMs} ms and was stopped.`);
    this.name = "RenderStalledError";
  }
}

export function createRenderWatchdog(options: { readerGone?: AbortSignal; idleMs?: number; now?: () => number } = {}): RenderWatchdog {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const now = options.now ?? (() => performance.now());
  const controller = new AbortController();
  // Checked a few times per idle period; a check this much later than planned means a busy loop.
  const tick = Math.max(5, Math.min(1_000, Math.floor(idleMs / 4)));
  let lastProgress = now();
  let lastTick = lastProgress;
  let timer: ReturnType<typeof setInterval> | null = null;

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    options.readerGone?.removeEventListener("abort", onReaderGone);
  };
  const abort = (reason: unknown) => {
    stop();
    if (!controller.signal.aborted) controller.abort(reason);
  };
  function onReaderGone() {
    abort(options.readerGone?.reason ?? new Error("The reader has gone."));
  }

  if (options.readerGone?.aborted) onReaderGone();
  else {
    options.readerGone?.addEventListener("abort", onReaderGone);
    timer = setInterval(() => {
      const at = now();
      // The loop was blocked (rendering, here or in another request): that was work, not a stall.
      if (at - lastTick > 2 * tick) lastProgress = at;
      lastTick = at;
      if (at - lastProgress >= idleMs) abort(new RenderStalledError(idleMs));
    }, tick);
    // Never keeps a server alive on its own.
    (timer as { unref?: () => void }).unref?.();
  }

  const deliver = (source: ReadableStream<Uint8Array>) => {
    const reader = source.getReader();
    return new ReadableStream<Uint8Array>({
      start(out) {
        void (async () => {
          try {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) break;
              lastProgress = now();
              try {
                out.enqueue(value);
              } catch {
                // Cancelled meanwhile: cancel() has already stopped the render.
                return;
              }
            }
            out.close();
          } catch (error) {
            try {
              out.error(error);
            } catch {
              // Already cancelled.
            }
          } finally {
            // The render is over (finished, aborted or failed): what is left is delivery.
            stop();
          }
        })();
      },
      cancel(reason) {
        abort(reason ?? new Error("The reader has gone."));
        return reader.cancel(reason).catch(() => undefined);
      },
    });
  };

  return { signal: controller.signal, deliver, stop };
}
