/**
 * Word-level redlines between two versions of a discussion point, and the
 * split of a text into agreed and pending (square-bracketed) wording.
 *
 * Pure: no I/O, safe on server and client.
 *
 * Tokens
 * - a run of Unicode letters/digits (with their combining marks) is one word:
 *   Latin, Cyrillic, Arabic (harakat stay with their letter), Greek, ...
 * - each Han / Hiragana / Katakana character is a token of its own, because
 *   Chinese and Japanese do not separate words with spaces;
 * - every other character (punctuation, quotes, brackets, parentheses,
 *   hyphens, dashes, apostrophes, symbols) is a token of its own;
 * - a run of whitespace (including no-break and narrow no-break spaces) is not
 *   a token: it is attached to the token before it and compared separately.
 *
 * Whitespace rule
 * - Where both texts have whitespace between the same two matched tokens, that
 *   whitespace is equal, whatever it consists of; the equal segment carries
 *   the `after` whitespace. So "a  b" -> "a\nb" is one equal segment.
 * - Whitespace that exists on one side only (e.g. "a ;" -> "a;") is a change.
 * - An inserted or deleted run carries the whitespace that follows it
 *   ("develop " + insert "and implement " + "a plan"). When a deletion is
 *   directly replaced by an insertion and both end in whitespace, that
 *   trailing whitespace is moved out into the following equal segment, so a
 *   replaced word is marked without its space: delete "plan", insert
 *   "strategy", equal " to".
 *
 * Guarantees
 * - equal + insert segments, concatenated in order, give `after` exactly.
 * - equal + delete segments give `before` exactly whenever the whitespace runs
 *   matched as equal are identical on both sides (e.g. texts that only use
 *   single spaces). Otherwise they give `before` with those whitespace runs
 *   taken from `after`: identical to `before` once every whitespace run is
 *   collapsed to a single space.
 * - No empty segments; no two consecutive segments of the same kind; within a
 *   change, the delete segment comes before the insert segment.
 * - Bounded time: a long text rewritten or reordered throughout may have
 *   stretches shown as replaced wholesale rather than word by word (see
 *   diffIds); the guarantees above still hold.
 */
import { diffArrays } from "diff";

export type RedlineKind = "equal" | "insert" | "delete";

export type RedlineSegment = { kind: RedlineKind; text: string };

export type RedlineStats = { inserted: number; deleted: number };

export type PendingPassage = { text: string; pending: boolean };

// Scripts written without spaces between words: diffed per character.
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;

// Alternatives in order: whitespace run | one CJK character | word | any other
// single character. \p{M}* keeps combining marks with the character they
// modify; ZWNJ/ZWJ are kept inside words because they shape Arabic-script text.
const TOKEN_RE = new RegExp(String.raw`(\s+)|([${CJK}]\p{M}*)|((?:(?![${CJK}])[\p{L}\p{N}][\p{M}\u200C\u200D]*)+)|([\s\S]\p{M}*)`, "gu");

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const TRAILING_SPACE = /\s+$/u;

/**
 * Tokens of a text with the whitespace that follows each one. Index 0 is an
 * empty sentinel that both sides share, so leading whitespace is handled like
 * any other inter-token whitespace.
 */
type Tokenised = { tokens: string[]; spaces: string[] };

function tokenise(text: string): Tokenised {
  const tokens: string[] = [""];
  const spaces: string[] = [""];
  for (const match of text.matchAll(TOKEN_RE)) {
    if (match[1] !== undefined) {
      spaces[spaces.length - 1] += match[1];
    } else {
      tokens.push(match[0]);
      spaces.push("");
    }
  }
  return { tokens, spaces };
}

/** Appends to a segment list, merging with the last segment when same kind. */
function push(out: RedlineSegment[], kind: RedlineKind, text: string): void {
  if (text === "") return;
  const last = out[out.length - 1];
  if (last && last.kind === kind) last.text += text;
  else out.push({ kind, text });
}

export function redline(before: string, after: string): RedlineSegment[] {
  const b = tokenise(before);
  const a = tokenise(after);

  // Diff the tokens only; whitespace is reconciled below so that it can never
  // make two otherwise equal words look different.
  const ids = new Map<string, number>();
  const toId = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) ids.set(token, (id = ids.size));
    return id;
  };
  const ops = diffIds(b.tokens.map(toId), a.tokens.map(toId));

  const raw: RedlineSegment[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    for (let k = 0; k < op.count; k++) {
      if (op.kind === "insert") {
        push(raw, "insert", (a.tokens[j] ?? "") + (a.spaces[j] ?? ""));
        j++;
      } else if (op.kind === "delete") {
        push(raw, "delete", (b.tokens[i] ?? "") + (b.spaces[i] ?? ""));
        i++;
      } else {
        push(raw, "equal", a.tokens[j] ?? "");
        const bs = b.spaces[i] ?? "";
        const as = a.spaces[j] ?? "";
        if (bs !== "" && as !== "") push(raw, "equal", as);
        else if (bs !== "") push(raw, "delete", bs);
        else if (as !== "") push(raw, "insert", as);
        i++;
        j++;
      }
    }
  }
  return tidy(raw);
}

type Op = { kind: RedlineKind; count: number };

// jsdiff's Myers implementation costs roughly (edit distance)^2 and becomes
// slow (tens of ms) past a few hundred edits, so long or heavily edited texts
// are first cut into small pieces at anchors (patience diff): tokens that occur
// exactly once in each side, kept in an order-preserving (LIS) subset. Pieces
// up to DIRECT_LIMIT tokens get an exact Myers diff; larger pieces without
// anchors get Myers up to MAX_EDIT edits, else are marked as replaced. Once
// WORK_BUDGET (sum of squared edit distances) is spent — only reached by texts
// that are rewritten or reordered throughout — remaining pieces are marked as
// replaced, which keeps the worst case bounded.
const DIRECT_LIMIT = 200;
const MAX_EDIT = 200;
const WORK_BUDGET = 200_000;
const MAX_DEPTH = 24;

function diffIds(b: readonly number[], a: readonly number[]): Op[] {
  const ops: Op[] = [];
  const emit = (kind: RedlineKind, count: number) => {
    if (count <= 0) return;
    const last = ops[ops.length - 1];
    if (last && last.kind === kind) last.count += count;
    else ops.push({ kind, count });
  };

  let work = 0;
  const myers = (bLo: number, bHi: number, aLo: number, aHi: number) => {
    const changes = work < WORK_BUDGET ? diffArrays(b.slice(bLo, bHi), a.slice(aLo, aHi), { maxEditLength: MAX_EDIT }) : undefined;
    if (!changes) {
      work += MAX_EDIT * MAX_EDIT;
      emit("delete", bHi - bLo);
      emit("insert", aHi - aLo);
      return;
    }
    let edits = 0;
    for (const c of changes) {
      if (c.added || c.removed) edits += c.count;
      emit(c.added ? "insert" : c.removed ? "delete" : "equal", c.count);
    }
    work += edits * edits;
  };

  const range = (bLo: number, bHi: number, aLo: number, aHi: number, depth: number) => {
    let prefix = 0;
    while (bLo + prefix < bHi && aLo + prefix < aHi && b[bLo + prefix] === a[aLo + prefix]) prefix++;
    emit("equal", prefix);
    bLo += prefix;
    aLo += prefix;
    let suffix = 0;
    while (bHi - suffix > bLo && aHi - suffix > aLo && b[bHi - suffix - 1] === a[aHi - suffix - 1]) suffix++;
    bHi -= suffix;
    aHi -= suffix;

    if (bLo === bHi || aLo === aHi) {
      emit("delete", bHi - bLo);
      emit("insert", aHi - aLo);
    } else if (bHi - bLo + (aHi - aLo) <= DIRECT_LIMIT || depth >= MAX_DEPTH) {
      myers(bLo, bHi, aLo, aHi);
    } else {
      const anchors = uniqueAnchors(b, bLo, bHi, a, aLo, aHi);
      if (anchors.length === 0) {
        myers(bLo, bHi, aLo, aHi);
      } else {
        let pb = bLo;
        let pa = aLo;
        for (const [bi, ai] of anchors) {
          range(pb, bi, pa, ai, depth + 1);
          emit("equal", 1);
          pb = bi + 1;
          pa = ai + 1;
        }
        range(pb, bHi, pa, aHi, depth + 1);
      }
    }
    emit("equal", suffix);
  };

  range(0, b.length, 0, a.length, 0);
  return ops;
}

/**
 * Pairs (index in b, index in a) of tokens occurring exactly once in each
 * range, reduced to the longest subsequence increasing in both indices.
 */
function uniqueAnchors(b: readonly number[], bLo: number, bHi: number, a: readonly number[], aLo: number, aHi: number): [number, number][] {
  // Position of a token seen once, or -1 once seen twice.
  const inA = new Map<number, number>();
  for (let k = aLo; k < aHi; k++) {
    const t = a[k] as number;
    inA.set(t, inA.has(t) ? -1 : k);
  }
  const inB = new Map<number, number>();
  for (let k = bLo; k < bHi; k++) {
    const t = b[k] as number;
    inB.set(t, inB.has(t) ? -1 : k);
  }
  const pairs: [number, number][] = [];
  for (let k = bLo; k < bHi; k++) {
    const t = b[k] as number;
    const ai = inA.get(t);
    if (inB.get(t) === k && ai !== undefined && ai >= 0) pairs.push([k, ai]);
  }

  // Patience sorting: tails[len] = index into pairs of the smallest a-index
  // ending an increasing run of length len + 1.
  const tails: number[] = [];
  const prev: number[] = new Array<number>(pairs.length).fill(-1);
  for (let p = 0; p < pairs.length; p++) {
    const ai = (pairs[p] as [number, number])[1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] as number] as [number, number])[1] < ai) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[p] = tails[lo - 1] as number;
    tails[lo] = p;
  }
  const result: [number, number][] = [];
  for (let p = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; p >= 0; p = prev[p] as number) {
    result.push(pairs[p] as [number, number]);
  }
  return result.reverse();
}

/**
 * Regroups each run of changes between two equal segments as one delete then
 * one insert (the order cannot affect either reconstruction) and takes the
 * shared trailing whitespace of a replacement out of the change.
 */
function tidy(raw: RedlineSegment[]): RedlineSegment[] {
  const out: RedlineSegment[] = [];
  let deleted = "";
  let inserted = "";

  const flush = () => {
    let shared = "";
    if (deleted !== "" && inserted !== "") {
      const d = TRAILING_SPACE.exec(deleted);
      const n = TRAILING_SPACE.exec(inserted);
      if (d && n) {
        deleted = deleted.slice(0, d.index);
        inserted = inserted.slice(0, n.index);
        shared = n[0];
      }
    }
    push(out, "delete", deleted);
    push(out, "insert", inserted);
    push(out, "equal", shared);
    deleted = "";
    inserted = "";
  };

  for (const segment of raw) {
    if (segment.kind === "delete") deleted += segment.text;
    else if (segment.kind === "insert") inserted += segment.text;
    else {
      flush();
      push(out, "equal", segment.text);
    }
  }
  flush();
  return out;
}

/** Number of words in a text: tokens with a letter or digit; one per CJK character. */
function countWords(text: string): number {
  let n = 0;
  for (const match of text.matchAll(TOKEN_RE)) {
    if (match[1] === undefined && HAS_WORD_CHAR.test(match[0])) n++;
  }
  return n;
}

/** Words inserted and deleted by a redline (punctuation and whitespace do not count). */
export function redlineStats(segments: readonly RedlineSegment[]): RedlineStats {
  let inserted = 0;
  let deleted = 0;
  for (const segment of segments) {
    if (segment.kind === "insert") inserted += countWords(segment.text);
    else if (segment.kind === "delete") deleted += countWords(segment.text);
  }
  return { inserted, deleted };
}

// Full-width brackets are what Chinese and Japanese texts use for the same purpose.
const OPEN = new Set(["[", "\uFF3B"]);
const CLOSE = new Set(["]", "\uFF3D"]);

/**
 * Splits a text into runs outside and inside square brackets (wording not yet
 * agreed). A pending run includes its brackets; nested brackets stay inside
 * the outermost run; an unclosed "[" makes the rest of the text pending; a
 * stray "]" outside any bracket is ordinary text. Adjacent bracketed passages
 * ("[a][b]") stay separate runs. The runs concatenate to `text` exactly.
 */
export function pendingPassages(text: string): PendingPassage[] {
  const out: PendingPassage[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const ch = text[index] ?? "";
    if (OPEN.has(ch)) {
      if (depth === 0) {
        if (index > start) out.push({ text: text.slice(start, index), pending: false });
        start = index;
      }
      depth++;
    } else if (CLOSE.has(ch) && depth > 0) {
      depth--;
      if (depth === 0) {
        out.push({ text: text.slice(start, index + 1), pending: true });
        start = index + 1;
      }
    }
  }
  if (start < text.length) out.push({ text: text.slice(start), pending: depth > 0 });
  return out;
}
