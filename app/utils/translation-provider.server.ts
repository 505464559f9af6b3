// Machine-translation hook for the translation desk. A suggestion is only ever a draft that an officer
// corrects: every result carries machineAssisted: true so the desk can label it. Off unless TRANSLATE_URL
// is set. Delegations' texts may be confidential until the CRP: nothing here logs them or puts them in
// an error message.
import type { Language } from "~/i18n/languages";
import { env } from "./env.server";

export type TranslationSuggestion = { text: string; provider: string; machineAssisted: true };

export type TranslationInput = { text: string; from: Language; to: Language };

export interface TranslationProvider {
  translate(input: TranslationInput, options?: { signal?: AbortSignal }): Promise<TranslationSuggestion>;
}

/**
 * Why no suggestion came back:
 * - unreachable: no connection (DNS, refused, reset);
 * - timeout: no complete answer within the time limit;
 * - refused: the server answered with an error status (status says which: 400 unsupported language,
 *   403 wrong api key, 429 rate limit, 5xx server failure);
 * - bad_answer: the answer was not the JSON expected, or did not have one translation per paragraph.
 */
export type TranslationErrorKind = "unreachable" | "timeout" | "refused" | "bad_answer";

export class TranslationError extends Error {
  readonly kind: TranslationErrorKind;
  readonly status: number | undefined;

  constructor(kind: TranslationErrorKind, status?: number) {
    // The message names the kind and status only, never the text being translated.
    super(`Machine translation failed: ${kind}${status === undefined ? "" : ` (HTTP ${status})`}`);
    this.name = "TranslationError";
    this.kind = kind;
    this.status = status;
  }
}

export type LibreTranslateOptions = {
  /** The server's base address; requests go to {url}/translate. */
  url: string;
  apiKey?: string;
  /** Per request. */
  timeoutMs?: number;
  /** Characters of text per request; longer texts go in several requests. */
  maxCharsPerRequest?: number;
  /** Paragraphs per request. */
  maxParagraphsPerRequest?: number;
};

export const DEFAULT_TIMEOUT_MS = 20_000;
// LibreTranslate's public instance limits a request to a few thousand characters; self-hosted ones
// often have no limit. Small batches also keep one slow request under the timeout.
export const DEFAULT_MAX_CHARS_PER_REQUEST = 4_000;
export const DEFAULT_MAX_PARAGRAPHS_PER_REQUEST = 50;

/** The configured provider, or null when TRANSLATE_URL is unset (machine translation is off). */
export function translationProvider(): TranslationProvider | null {
  const { TRANSLATE_URL, TRANSLATE_API_KEY } = env();
  if (!TRANSLATE_URL) return null;
  return createLibreTranslateProvider({ url: TRANSLATE_URL, apiKey: TRANSLATE_API_KEY });
}

// Chinese at the UN is Simplified Chinese. Older LibreTranslate servers call it "zh"; newer ones
// call it "zh-Hans" (and may refuse "zh"). We send "zh" first and fall back once to "zh-Hans".
const CHINESE_CODES = ["zh", "zh-Hans"] as const;

/** A provider for a LibreTranslate-compatible server (POST /translate with q as an array). */
export function createLibreTranslateProvider(options: LibreTranslateOptions): TranslationProvider {
  const endpoint = `${options.url.replace(/\/+$/, "")}/translate`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxChars = options.maxCharsPerRequest ?? DEFAULT_MAX_CHARS_PER_REQUEST;
  const maxParagraphs = options.maxParagraphsPerRequest ?? DEFAULT_MAX_PARAGRAPHS_PER_REQUEST;
  // Which of CHINESE_CODES this server accepts, once learnt.
  let chineseCode: string | undefined;

  const code = (language: Language) => (language === "zh" ? (chineseCode ?? CHINESE_CODES[0]) : language);

  async function postBatch(q: string[], from: Language, to: Language, signal?: AbortSignal): Promise<string[]> {
    const send = () => requestTranslations(endpoint, { q, source: code(from), target: code(to), apiKey: options.apiKey }, timeoutMs, signal);
    try {
      const translated = await send();
      if (from === "zh" || to === "zh") chineseCode ??= CHINESE_CODES[0];
      return checkAlignment(translated, q.length);
    } catch (error) {
      // A 400 for Chinese on a server that has not yet accepted "zh": try its other name once.
      const chineseInvolved = from === "zh" || to === "zh";
      if (chineseInvolved && chineseCode === undefined && error instanceof TranslationError && error.status === 400) {
        chineseCode = CHINESE_CODES[1];
        try {
          return checkAlignment(await send(), q.length);
        } catch (retryError) {
          chineseCode = undefined;
          throw retryError;
        }
      }
      throw error;
    }
  }

  return {
    async translate({ text, from, to }, callOptions) {
      const provider = "LibreTranslate";
      if (from === to) return { text, provider, machineAssisted: true };
      const blocks = splitParagraphs(text);
      const pieces = blocks.flatMap((block, index) =>
        block.kind === "paragraph" ? splitLongParagraph(block.text, maxChars).map((piece) => ({ index, piece })) : [],
      );
      const translatedPieces: string[] = [];
      for (const batch of batches(
        pieces.map((p) => p.piece),
        maxChars,
        maxParagraphs,
      )) {
        translatedPieces.push(...(await postBatch(batch, from, to, callOptions?.signal)));
      }
      // Pieces of one long paragraph are joined back, so paragraph n of the draft is paragraph n of the original.
      const byBlock = new Map<number, string[]>();
      pieces.forEach(({ index }, i) => {
        byBlock.set(index, [...(byBlock.get(index) ?? []), translatedPieces[i] ?? ""]);
      });
      const joiner = to === "zh" ? "" : " ";
      const result = blocks
        .map((block, index) => (block.kind === "paragraph" ? (byBlock.get(index) ?? []).map((piece) => piece.trim()).join(joiner) : block.text))
        .join("");
      return { text: result, provider, machineAssisted: true };
    },
  };
}

function checkAlignment(translated: string[], expected: number): string[] {
  if (translated.length !== expected) throw new TranslationError("bad_answer");
  return translated;
}

async function requestTranslations(
  endpoint: string,
  body: { q: string[]; source: string; target: string; apiKey?: string },
  timeoutMs: number,
  callerSignal?: AbortSignal,
): Promise<string[]> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
  let response: Response;
  let raw: string;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        q: body.q,
        source: body.source,
        target: body.target,
        format: "text",
        ...(body.apiKey ? { api_key: body.apiKey } : {}),
      }),
      signal,
    });
    // Read the whole body under the same deadline: a server that sends headers then stalls is a timeout.
    raw = await response.text();
  } catch (error) {
    // The caller cancelled (the officer left the page): pass their reason on, it is not our failure.
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (timeout.aborted) throw new TranslationError("timeout");
    // Anything else thrown by fetch is a network failure. Its cause is not kept: it can quote the URL
    // with credentials in it.
    void error;
    throw new TranslationError("unreachable");
  }
  if (!response.ok) throw new TranslationError("refused", response.status);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new TranslationError("bad_answer", response.status);
  }
  const translated = (parsed as { translatedText?: unknown } | null)?.translatedText;
  if (!Array.isArray(translated) || !translated.every((item): item is string => typeof item === "string")) {
    throw new TranslationError("bad_answer", response.status);
  }
  return translated;
}

type Block = { kind: "paragraph" | "separator"; text: string };

/**
 * Cuts a text into paragraphs (separated by blank lines) and the separators between them, kept as they
 * were, so the draft has the original's paragraph layout. Blank text is never sent.
 */
export function splitParagraphs(text: string): Block[] {
  const normalized = text.replace(/\r\n?/g, "\n");
  const parts = normalized.split(/(\n[^\S\n]*\n\s*)/);
  const blocks: Block[] = [];
  parts.forEach((part, index) => {
    if (part === "") return;
    const isSeparator = index % 2 === 1 || part.trim() === "";
    blocks.push({ kind: isSeparator ? "separator" : "paragraph", text: part });
  });
  return blocks;
}

/** Splits one paragraph longer than the limit at sentence ends, else at spaces, else anywhere. */
export function splitLongParagraph(paragraph: string, maxChars: number): string[] {
  if (paragraph.length <= maxChars) return [paragraph];
  // Sentence ends in the six languages: . ! ? and the Chinese 。！？, the Arabic question mark ؟.
  const sentences = paragraph.match(/[^.!?。！？؟]+(?:[.!?。！？؟]+|$)\s*/g) ?? [paragraph];
  const pieces: string[] = [];
  let current = "";
  for (const sentence of sentences.flatMap((s) => hardSplit(s, maxChars))) {
    if (current.length + sentence.length > maxChars && current !== "") {
      pieces.push(current);
      current = "";
    }
    current += sentence;
  }
  if (current !== "") pieces.push(current);
  return pieces;
}

function hardSplit(sentence: string, maxChars: number): string[] {
  if (sentence.length <= maxChars) return [sentence];
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > maxChars) {
    const space = rest.lastIndexOf(" ", maxChars);
    const cut = space > maxChars / 2 ? space + 1 : maxChars;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== "") pieces.push(rest);
  return pieces;
}

/** Groups pieces into requests of at most maxChars characters and maxParagraphs pieces, in order. */
export function batches(pieces: string[], maxChars: number, maxParagraphs: number): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    if (current.length > 0 && (size + piece.length > maxChars || current.length >= maxParagraphs)) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(piece);
    size += piece.length;
  }
  if (current.length > 0) result.push(current);
  return result;
}
