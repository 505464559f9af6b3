// When a page's render is stopped (app/utils/render-watchdog.server.ts, used by entry.server.tsx):
// a render that makes progress completes however long it takes, a hung one still ends, and one
// whose reader has gone stops. Rendered as the server renders, through renderHtmlStream.
import { createElement, Suspense, type ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { renderHtmlStream } from "~/utils/html-stream.server";
import { createRenderWatchdog, RenderStalledError } from "~/utils/render-watchdog.server";

/** Parts that each wait for their own promise, settled by the test (or never). */
function waitingParts(count: number) {
  const state = Array.from({ length: count }, () => {
    let resolve!: () => void;
    const entry = { done: false, rendered: false, promise: new Promise<void>((r) => (resolve = r)), resolve: () => {} };
    entry.resolve = () => {
      entry.done = true;
      resolve();
    };
    return entry;
  });
  function Part({ i }: { i: number }) {
    const entry = state[i]!;
    // React 18's server renderer suspends on a thrown promise.
    if (!entry.done) throw entry.promise;
    entry.rendered = true;
    return createElement("p", { className: "part" }, `part ${i}`);
  }
  const element = createElement(
    "main",
    null,
    createElement("h1", null, "Shell"),
    ...state.map((_, i) => createElement(Suspense, { key: i, fallback: createElement("span", null, "…") }, createElement(Part, { i }))),
  );
  return { state, element };
}

async function render(element: ReactElement, idleMs: number, readerGone?: AbortSignal) {
  const watchdog = createRenderWatchdog({ idleMs, readerGone });
  const errors: unknown[] = [];
  const body = await renderHtmlStream(element, { signal: watchdog.signal, onError: (error) => void errors.push(error) });
  return { watchdog, errors, stream: watchdog.deliver(body) };
}

const text = async (stream: ReadableStream<Uint8Array>) => new TextDecoder().decode(await new Response(stream).arrayBuffer());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the render watchdog", () => {
  it("lets a slow render that keeps making progress finish, far beyond the idle limit", async () => {
    const { state, element } = waitingParts(12);
    const { watchdog, errors, stream } = await render(element, 150);
    const settle = (async () => {
      // 12 × 80 ms: more than six times the idle limit in all, never idle for as long as it.
      for (const entry of state) {
        await sleep(80);
        entry.resolve();
      }
    })();
    const html = await text(stream);
    await settle;
    expect(watchdog.signal.aborted).toBe(false);
    expect(errors).toEqual([]);
    for (let i = 0; i < 12; i++) expect(html).toContain(`part ${i}`);
  });

  it("lets a long synchronous render finish (a 19 MB page blocks the loop; that is work, not a stall)", async () => {
    function Heavy() {
      const until = performance.now() + 500;
      while (performance.now() < until) {
        // Rendering thousands of rows, as it were.
      }
      return createElement("p", null, "heavy done");
    }
    const { state, element } = waitingParts(1);
    const { watchdog, errors, stream } = await render(
      createElement("div", null, element, createElement(Suspense, { fallback: null }, createElement(Heavy))),
      100,
    );
    setTimeout(() => state[0]!.resolve(), 20);
    const html = await text(stream);
    expect(watchdog.signal.aborted).toBe(false);
    expect(errors).toEqual([]);
    expect(html).toContain("heavy done");
    expect(html).toContain("part 0");
  });

  it("ends a hung render after the idle limit, with the page closed", async () => {
    const { element } = waitingParts(2);
    const started = performance.now();
    const { watchdog, errors, stream } = await render(element, 150);
    const html = await text(stream);
    const took = performance.now() - started;
    expect(watchdog.signal.aborted).toBe(true);
    expect(watchdog.signal.reason).toBeInstanceOf(RenderStalledError);
    expect(errors.some((e) => e instanceof RenderStalledError)).toBe(true);
    expect(html).toContain("Shell");
    expect(html).not.toContain("part 0");
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(2_000);
  });

  it("stops rendering when the client goes away (the response body is cancelled)", async () => {
    const { state, element } = waitingParts(40);
    const { watchdog, stream } = await render(element, 5_000);
    const reader = stream.getReader();
    await reader.read();
    for (const entry of state.slice(0, 5)) {
      entry.resolve();
      await sleep(10);
    }
    const renderedBefore = state.filter((e) => e.rendered).length;
    await reader.cancel(new Error("client closed the connection"));
    expect(watchdog.signal.aborted).toBe(true);
    // What becomes ready afterwards is never rendered.
    for (const entry of state.slice(5)) entry.resolve();
    await sleep(50);
    expect(renderedBefore).toBeGreaterThanOrEqual(4);
    expect(state.filter((e) => e.rendered).length).toBeLessThanOrEqual(renderedBefore + 1);
  });

  it("stops rendering when the request's signal says the reader has gone", async () => {
    const { state, element } = waitingParts(3);
    const gone = new AbortController();
    const { watchdog, stream } = await render(element, 5_000, gone.signal);
    const reading = text(stream);
    state[0]!.resolve();
    await sleep(30);
    gone.abort(new Error("socket closed"));
    const html = await reading;
    expect(watchdog.signal.aborted).toBe(true);
    expect(html).toContain("part 0");
    expect(html).not.toContain("part 2");
  });

  it("a request already gone never starts the timer", () => {
    const gone = new AbortController();
    gone.abort();
    const watchdog = createRenderWatchdog({ idleMs: 50, readerGone: gone.signal });
    expect(watchdog.signal.aborted).toBe(true);
  });
});
