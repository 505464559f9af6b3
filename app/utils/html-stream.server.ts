// Server-rendered HTML as bytes that are exactly the UTF-8 of the page.
//
// Why not React 18's `renderToPipeableStream`: its Node encoder (react-dom 18.3.1,
// `writeStringChunk`) fills a 2,048-byte view with `TextEncoder.encodeInto` and, when a
// multibyte character does not fit at the end, flushes the *whole* view, including the one or
// two bytes it never wrote: U+0000 lands in the page wherever a Chinese, Arabic or Cyrillic
// character meets the view's end (react#24985, fixed only in React 19 by react#26228).
// `renderToReadableStream` (the web-streams build) encodes each string whole and splits only
// bytes, so it is correct; tests/unit/html-stream.test.ts proves both, byte for byte.
import type { ReactElement } from "react";
import { renderToReadableStream } from "react-dom/server.browser";

/** Writes into the response this many bytes at most at once; flushes at the end of each tick. */
const COALESCE_BYTES = 64 * 1024;

export async function renderHtmlStream(
  element: ReactElement,
  options: { signal?: AbortSignal; waitForAll?: boolean; onError?: (error: unknown) => void; nonce?: string } = {},
): Promise<ReadableStream<Uint8Array>> {
  // `nonce` marks React's own inline scripts (Suspense boundaries streamed in) for the CSP.
  const stream = await renderToReadableStream(element, {
    signal: options.signal,
    onError: options.onError,
    nonce: options.nonce || undefined,
  });
  if (options.waitForAll) await stream.allReady;
  return stream.pipeThrough(coalesceChunks());
}

/**
 * React enqueues the page 512 bytes at a time; each becomes a write into the compressor and the
 * socket. Gather what one tick of rendering produced into one chunk (or 64 KB), so streaming
 * still flushes as soon as React pauses for data.
 */
export function coalesceChunks(limit = COALESCE_BYTES): TransformStream<Uint8Array, Uint8Array> {
  let pending: Uint8Array[] = [];
  let size = 0;
  let scheduled = false;
  let controller: TransformStreamDefaultController<Uint8Array> | null = null;
  const flush = () => {
    scheduled = false;
    if (size === 0 || !controller) return;
    const joined = new Uint8Array(size);
    let offset = 0;
    for (const chunk of pending) {
      joined.set(chunk, offset);
      offset += chunk.byteLength;
    }
    pending = [];
    size = 0;
    try {
      controller.enqueue(joined);
    } catch {
      // The reader went away (client disconnected): nothing left to deliver.
    }
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    start(c) {
      controller = c;
    },
    transform(chunk) {
      if (chunk.byteLength === 0) return;
      pending.push(chunk);
      size += chunk.byteLength;
      if (size >= limit) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush() {
      flush();
      controller = null;
    },
  });
}
