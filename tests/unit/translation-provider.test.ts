// The machine-translation hook against a small LibreTranslate look-alike started by the test.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "~/utils/env.server";
import {
  TranslationError,
  batches,
  createLibreTranslateProvider,
  splitLongParagraph,
  splitParagraphs,
  translationProvider,
} from "~/utils/translation-provider.server";

type Mode = "ok" | "500" | "429" | "malformed" | "hang" | "short" | "new-chinese-codes";
type Received = { url: string; contentType: string | undefined; body: Record<string, unknown> };

const fake = {
  mode: "ok" as Mode,
  requiredKey: undefined as string | undefined,
  received: [] as Received[],
};

// The fake "translates" by tagging each paragraph with the target, so alignment is visible.
const translate = (text: string, target: string) => `[${target}] ${text.toUpperCase()}`;

let server: Server;
let baseUrl: string;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (data += chunk));
    request.on("end", () => resolve(data));
  });
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const body = JSON.parse(raw) as Record<string, unknown>;
    fake.received.push({ url: request.url ?? "", contentType: request.headers["content-type"], body });
    const reply = (status: number, payload: unknown) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(payload));
    };
    if (request.method !== "POST" || request.url !== "/translate") return reply(404, { error: "Not Found" });
    if (fake.requiredKey !== undefined && body.api_key !== fake.requiredKey) {
      return reply(403, { error: "Invalid API key" });
    }
    switch (fake.mode) {
      case "500":
        return reply(500, { error: "Cannot translate text: model crashed" });
      case "429":
        return reply(429, { error: "Slowdown: 30 per 1 minute" });
      case "malformed":
        response.writeHead(200, { "Content-Type": "application/json" });
        return response.end('{"translatedText": ["half');
      case "hang":
        return; // never answers
      case "short":
        return reply(200, { translatedText: ["only one"] });
    }
    // Newer LibreTranslate: Simplified Chinese is "zh-Hans" and "zh" is refused.
    if (fake.mode === "new-chinese-codes" && (body.source === "zh" || body.target === "zh")) {
      return reply(400, { error: "zh is not supported" });
    }
    const q = body.q;
    const target = String(body.target);
    if (Array.isArray(q)) return reply(200, { translatedText: q.map((text) => translate(String(text), target)) });
    return reply(200, { translatedText: translate(String(q), target) });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  fake.mode = "ok";
  fake.requiredKey = undefined;
  fake.received = [];
  delete process.env.TRANSLATE_URL;
  delete process.env.TRANSLATE_API_KEY;
  resetEnvForTests();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const secretText = "The delegation of Morocco proposes to delete paragraph (c).";

async function failure(promise: Promise<unknown>): Promise<TranslationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TranslationError);
  return error as TranslationError;
}

describe("translationProvider", () => {
  it("is off when TRANSLATE_URL is unset", () => {
    delete process.env.TRANSLATE_URL;
    resetEnvForTests();
    expect(translationProvider()).toBeNull();
  });

  it("is off when TRANSLATE_URL is empty", () => {
    process.env.TRANSLATE_URL = "";
    resetEnvForTests();
    expect(translationProvider()).toBeNull();
  });

  it("uses TRANSLATE_URL and TRANSLATE_API_KEY when set", async () => {
    process.env.TRANSLATE_URL = `${baseUrl}/`;
    process.env.TRANSLATE_API_KEY = "mission-key";
    resetEnvForTests();
    fake.requiredKey = "mission-key";
    const provider = translationProvider();
    expect(provider).not.toBeNull();
    const suggestion = await provider!.translate({ text: "Hola", from: "es", to: "en" });
    expect(suggestion).toEqual({ text: "[en] HOLA", provider: "LibreTranslate", machineAssisted: true });
    expect(fake.received[0]?.body.api_key).toBe("mission-key");
  });
});

describe("LibreTranslate provider", () => {
  it("posts the documented request shape", async () => {
    const provider = createLibreTranslateProvider({ url: baseUrl });
    await provider.translate({ text: "Bonjour", from: "fr", to: "en" });
    expect(fake.received).toHaveLength(1);
    const [request] = fake.received;
    expect(request?.url).toBe("/translate");
    expect(request?.contentType).toBe("application/json");
    expect(request?.body).toEqual({ q: ["Bonjour"], source: "fr", target: "en", format: "text" });
    expect(request?.body).not.toHaveProperty("api_key");
  });

  it("sends the api key when given, and reports a wrong one as refused", async () => {
    fake.requiredKey = "right";
    await createLibreTranslateProvider({ url: baseUrl, apiKey: "right" }).translate({ text: "Hola", from: "es", to: "en" });
    expect(fake.received[0]?.body.api_key).toBe("right");
    const error = await failure(createLibreTranslateProvider({ url: baseUrl, apiKey: "wrong" }).translate({ text: "Hola", from: "es", to: "en" }));
    expect(error.kind).toBe("refused");
    expect(error.status).toBe(403);
  });

  it("keeps paragraphs aligned, with the original's blank lines", async () => {
    const provider = createLibreTranslateProvider({ url: baseUrl });
    const text = "First paragraph.\n\nSecond paragraph.\r\n\r\n\n  \nThird paragraph.";
    const suggestion = await provider.translate({ text, from: "ar", to: "en" });
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]?.body.q).toEqual(["First paragraph.", "Second paragraph.", "Third paragraph."]);
    expect(suggestion.text).toBe("[en] FIRST PARAGRAPH.\n\n[en] SECOND PARAGRAPH.\n\n\n  \n[en] THIRD PARAGRAPH.");
    expect(suggestion.text.split(/\n\s*\n/)).toHaveLength(3);
    expect(suggestion.machineAssisted).toBe(true);
  });

  it("sends no request for blank text or the same language", async () => {
    const provider = createLibreTranslateProvider({ url: baseUrl });
    expect((await provider.translate({ text: "  \n\n ", from: "ru", to: "en" })).text).toBe("  \n\n ");
    expect((await provider.translate({ text: "Hello", from: "en", to: "en" })).text).toBe("Hello");
    expect(fake.received).toHaveLength(0);
  });

  it("splits long texts into batches and puts them back in order", async () => {
    const provider = createLibreTranslateProvider({ url: baseUrl, maxCharsPerRequest: 60, maxParagraphsPerRequest: 3 });
    const paragraphs = Array.from({ length: 7 }, (_, i) => `Paragraph number ${i + 1} of the comment.`);
    const suggestion = await provider.translate({ text: paragraphs.join("\n\n"), from: "es", to: "fr" });
    expect(fake.received.length).toBeGreaterThan(1);
    for (const request of fake.received) {
      const q = request.body.q as string[];
      expect(q.join("").length).toBeLessThanOrEqual(60);
      expect(q.length).toBeLessThanOrEqual(3);
    }
    expect(fake.received.flatMap((r) => r.body.q as string[])).toEqual(paragraphs);
    expect(suggestion.text).toBe(paragraphs.map((p) => `[fr] ${p.toUpperCase()}`).join("\n\n"));
  });

  it("splits one over-long paragraph at sentence ends and joins it back as one paragraph", async () => {
    const provider = createLibreTranslateProvider({ url: baseUrl, maxCharsPerRequest: 40 });
    const long = "One sentence here. Another sentence here. A third sentence here.";
    const suggestion = await provider.translate({ text: `${long}\n\nShort.`, from: "en", to: "es" });
    const sent = fake.received.flatMap((r) => r.body.q as string[]);
    expect(sent.every((piece) => piece.length <= 40)).toBe(true);
    expect(sent.join("")).toBe(`${long}Short.`);
    const draftParagraphs = suggestion.text.split("\n\n");
    expect(draftParagraphs).toHaveLength(2);
    expect(draftParagraphs[1]).toBe("[es] SHORT.");
  });

  it("uses zh for Chinese, and falls back to zh-Hans on a server that refuses zh", async () => {
    await createLibreTranslateProvider({ url: baseUrl }).translate({ text: "你好", from: "zh", to: "en" });
    expect(fake.received[0]?.body.source).toBe("zh");

    fake.received = [];
    fake.mode = "new-chinese-codes";
    const provider = createLibreTranslateProvider({ url: baseUrl });
    const suggestion = await provider.translate({ text: "Hello", from: "en", to: "zh" });
    expect(suggestion.text).toBe("[zh-Hans] HELLO");
    expect(fake.received.map((r) => r.body.target)).toEqual(["zh", "zh-Hans"]);
    // Learnt once: the next request goes straight to zh-Hans.
    await provider.translate({ text: "Again", from: "en", to: "zh" });
    expect(fake.received.map((r) => r.body.target)).toEqual(["zh", "zh-Hans", "zh-Hans"]);
  });

  it("reports a server error as refused with its status", async () => {
    fake.mode = "500";
    const error = await failure(createLibreTranslateProvider({ url: baseUrl }).translate({ text: secretText, from: "ar", to: "en" }));
    expect(error.kind).toBe("refused");
    expect(error.status).toBe(500);
  });

  it("reports a rate limit as refused with status 429", async () => {
    fake.mode = "429";
    const error = await failure(createLibreTranslateProvider({ url: baseUrl }).translate({ text: secretText, from: "ar", to: "en" }));
    expect(error.kind).toBe("refused");
    expect(error.status).toBe(429);
  });

  it("reports malformed JSON as a bad answer", async () => {
    fake.mode = "malformed";
    const error = await failure(createLibreTranslateProvider({ url: baseUrl }).translate({ text: secretText, from: "ar", to: "en" }));
    expect(error.kind).toBe("bad_answer");
  });

  it("reports a wrong number of translations as a bad answer, never a partial draft", async () => {
    fake.mode = "short";
    const error = await failure(createLibreTranslateProvider({ url: baseUrl }).translate({ text: "One.\n\nTwo.", from: "fr", to: "en" }));
    expect(error.kind).toBe("bad_answer");
  });

  it("gives up after the timeout when the server hangs", async () => {
    fake.mode = "hang";
    const started = Date.now();
    const error = await failure(createLibreTranslateProvider({ url: baseUrl, timeoutMs: 200 }).translate({ text: secretText, from: "ar", to: "en" }));
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("passes on the caller's cancellation", async () => {
    fake.mode = "hang";
    const controller = new AbortController();
    const pending = createLibreTranslateProvider({ url: baseUrl }).translate({ text: secretText, from: "ar", to: "en" }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("left the page")), 50);
    await expect(pending).rejects.toThrow("left the page");
  });

  it("reports an unreachable server", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(createLibreTranslateProvider({ url: `http://127.0.0.1:${port}` }).translate({ text: secretText, from: "ar", to: "en" }));
    expect(error.kind).toBe("unreachable");
  });

  it("never puts the text in an error message", async () => {
    for (const mode of ["500", "429", "malformed", "short"] as const) {
      fake.mode = mode;
      const text = `${secretText}\n\nSecond paragraph.`;
      const error = await failure(createLibreTranslateProvider({ url: baseUrl }).translate({ text, from: "ar", to: "en" }));
      expect(error.message).not.toContain("Morocco");
      expect(String(error)).not.toContain("paragraph (c)");
      expect(JSON.stringify(error)).not.toContain("Morocco");
    }
  });
});

describe("text splitting", () => {
  it("splitParagraphs keeps separators apart from paragraphs", () => {
    expect(splitParagraphs("a\nb\n\nc")).toEqual([
      { kind: "paragraph", text: "a\nb" },
      { kind: "separator", text: "\n\n" },
      { kind: "paragraph", text: "c" },
    ]);
  });

  it("splitLongParagraph cuts at Chinese and Arabic sentence ends too", () => {
    expect(splitLongParagraph("第一句。第二句。", 4)).toEqual(["第一句。", "第二句。"]);
    expect(splitLongParagraph("سؤال؟ جواب.", 6)).toEqual(["سؤال؟ ", "جواب."]);
    expect(splitLongParagraph("x".repeat(10), 4)).toEqual(["xxxx", "xxxx", "xx"]);
  });

  it("batches respects both limits and keeps order", () => {
    expect(batches(["aa", "bb", "cc", "dd"], 4, 10)).toEqual([
      ["aa", "bb"],
      ["cc", "dd"],
    ]);
    expect(batches(["a", "b", "c"], 100, 2)).toEqual([["a", "b"], ["c"]]);
    expect(batches(["toolong"], 3, 10)).toEqual([["toolong"]]);
  });
});
