// Where the NUL bytes in pages came from, and proof that the HTML stream now carries every
// character whole: React's Node encoder was the cause; the compression middleware and Remix's
// Express adapter pass bytes through untouched (see app/utils/html-stream.server.ts).
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { gunzipSync } from "node:zlib";
import { writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { createElement, type ReactElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { coalesceChunks, renderHtmlStream } from "~/utils/html-stream.server";
import { LANGUAGES, longText, utf8Problem } from "../fixtures/six-scripts";

/** A page of many short paragraphs (React encodes strings under 683 units into its view). */
function page(shift: number): { element: ReactElement; texts: string[] } {
  const texts = LANGUAGES.flatMap((language, l) =>
    Array.from({ length: 12 }, (_, i) => "x".repeat(shift) + longText(language, 150 + 37 * i + l, `${l}.${i}.`)),
  );
  return {
    element: createElement(
      "main",
      null,
      texts.map((text, i) => createElement("p", { key: i, lang: "und" }, text)),
    ),
    texts,
  };
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

function paragraphs(html: string): string[] {
  return [...html.matchAll(/<p lang="und">([^<]*)<\/p>/g)].map((m) => m[1]!.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&amp;", "&"));
}

describe("server-rendered HTML keeps every multibyte character whole", () => {
  it("the cause: React 18's renderToPipeableStream writes NUL bytes where a character meets its 2,048-byte view", async () => {
    const corrupted: number[] = [];
    for (let shift = 0; shift < 6; shift++) {
      const bytes = await new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        const body = new PassThrough();
        body.on("data", (chunk: Buffer) => chunks.push(chunk));
        body.on("end", () => resolve(Buffer.concat(chunks)));
        const { pipe } = renderToPipeableStream(page(shift).element, { onAllReady: () => pipe(body), onError: reject });
      });
      if (bytes.includes(0)) corrupted.push(shift);
    }
    // If this fails after an upgrade of react-dom, the encoder was fixed (React 19 has react#26228).
    expect(corrupted.length).toBeGreaterThan(0);
  });

  it("renderHtmlStream: valid UTF-8, no U+0000 or U+FFFD, every text exactly as given, at every shift", async () => {
    for (let shift = 0; shift < 6; shift++) {
      const { element, texts } = page(shift);
      const bytes = await collect(await renderHtmlStream(element, { waitForAll: true }));
      expect(utf8Problem(bytes), `shift ${shift}`).toBeNull();
      expect(paragraphs(bytes.toString("utf8"))).toEqual(texts);
    }
  });

  it("coalescing joins a tick's chunks without changing a byte, split anywhere", async () => {
    const source = Buffer.from(LANGUAGES.map((l) => longText(l, 3000)).join("\n"), "utf8");
    for (const size of [1, 2, 3, 5, 512, 4099]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < source.length; i += size) chunks.push(source.subarray(i, i + size));
      const input = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      });
      const out = await collect(input.pipeThrough(coalesceChunks(8192)));
      expect(out.equals(source), `chunks of ${size}`).toBe(true);
    }
  });

  it("not the cause: Remix's adapter and the compression middleware pass split characters through untouched", async () => {
    const source = Buffer.from(LANGUAGES.map((l) => longText(l, 20_000)).join("\n"), "utf8");
    const app = express();
    app.use(compression());
    app.get("/", async (_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      // Chunks of 1,021 bytes: nearly every one ends inside a multibyte character.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < source.length; i += 1021) controller.enqueue(source.subarray(i, i + 1021));
          controller.close();
        },
      });
      await writeReadableStreamToWritable(body, res);
    });
    const server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const zipped = await rawGet(url, "gzip");
      expect(zipped.encoding).toBe("gzip");
      expect(gunzipSync(zipped.body).equals(source)).toBe(true);
      const plain = await rawGet(url, "identity");
      expect(plain.body.equals(source)).toBe(true);
    } finally {
      server.close();
    }
  });
});

/** The bytes on the wire, without the client decoding or decompressing anything. */
async function rawGet(url: string, encoding: string): Promise<{ body: Buffer; encoding: string | undefined }> {
  const http = await import("node:http");
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "Accept-Encoding": encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ body: Buffer.concat(chunks), encoding: res.headers["content-encoding"] }));
      })
      .on("error", reject);
  });
}
