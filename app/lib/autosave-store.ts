/**
 * The pure parts of draft autosave (the hook is app/components/submission/use-autosave.ts):
 * - the copy of unsaved text kept in the browser's localStorage, and its record format;
 * - the decision, when a page opens, to restore such a copy automatically, offer it, or drop it;
 * - when to save (debounce with a maximum wait) and when to retry (backoff);
 * - what a server answer means.
 *
 * No I/O here: the hook reads and writes storage and the network.
 *
 * The save request (the contract the server's action implements)
 *   POST <url>, multipart/form-data, same-origin cookies, Accept: application/json:
 *     intent=save-draft
 *     draftVersion=<n>        the server draft version this text was based on
 *     userId=<id>             the user the page was loaded for: if the session now belongs to
 *                             someone else (another person signed in on this computer), the
 *                             server answers 403 and writes nothing, so that one delegation's
 *                             text never lands in another's draft
 *     <field>=<text> …        the draft's fields, as the editor names them
 *   Answers, as JSON:
 *     200 { ok: true, draftVersion, savedAt? }      saved (or already identical: see below)
 *     409 { ok: false, reason: "conflict", draftVersion, … }   someone saved version > n; nothing
 *                                                   written; the rest of the body (e.g. the other
 *                                                   text) goes to the caller untouched
 *     409 or 423 { ok: false, reason: "deadline_passed" | "locked" }   drafts are closed
 *     400, 413 or 422 { ok: false, reason: "invalid", errors? }        refused as written
 *     401 or 403, or any redirect (to /login)        the session is gone
 *     404 and other 4xx                             refused; not retried
 *     5xx, 408, 429, no answer                      retried with backoff
 *   A save whose content equals the current draft must answer 200 with the current version,
 *   whatever draftVersion it names: a retry whose first attempt did arrive, or the beacon sent
 *   on leaving a page, is then harmless instead of a false conflict.
 */
import { paths } from "~/lib/paths";

export type DraftFields = Record<string, string>;

export const SAVE_INTENT = "save-draft";
export const AUTOSAVE_FORMAT = 1;

/** Save this long after typing stops… */
export const SAVE_DEBOUNCE_MS = 1_500;
/** …and at least this often while typing goes on. */
export const SAVE_MAX_WAIT_MS = 10_000;
/** Waits before the 1st, 2nd, … retry after a failure; the last one repeats. */
export const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000, 60_000] as const;
/** A kept copy older than this is dropped: text does not linger on a shared computer. */
export const MAX_COPY_AGE_MS = 14 * 24 * 3_600_000;
/** Browsers refuse keepalive requests and beacons above 64 KiB; stay below. */
export const KEEPALIVE_LIMIT_BYTES = 60_000;

/**
 * Unsaved text kept in the browser. `owner` is the signed-in user's id: on a shared computer
 * another user's copy is never offered (nor deleted: it is not theirs). `baseVersion` is the
 * server draft version the text was based on; `savedAt` the browser's time it was kept.
 */
export type PendingCopy = {
  format: typeof AUTOSAVE_FORMAT;
  owner: string;
  key: string;
  baseVersion: number;
  savedAt: string;
  fields: DraftFields;
};

/** The localStorage key of one user's copy for one draft (one consultation). */
export function storageKeyFor(key: string, owner: string): string {
  return `nonpaper:autosave:${owner}:${key}`;
}

export function makePendingCopy(input: { owner: string; key: string; baseVersion: number; fields: DraftFields; now: number }): PendingCopy {
  return {
    format: AUTOSAVE_FORMAT,
    owner: input.owner,
    key: input.key,
    baseVersion: input.baseVersion,
    savedAt: new Date(input.now).toISOString(),
    fields: { ...input.fields },
  };
}

/** A stored copy, or null for anything that is not one (missing, corrupt, another format). */
export function parsePendingCopy(raw: string | null | undefined): PendingCopy | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const copy = value as Record<string, unknown>;
  const fields = copy.fields;
  if (
    copy.format !== AUTOSAVE_FORMAT ||
    typeof copy.owner !== "string" ||
    typeof copy.key !== "string" ||
    !Number.isSafeInteger(copy.baseVersion) ||
    typeof copy.savedAt !== "string" ||
    Number.isNaN(Date.parse(copy.savedAt)) ||
    typeof fields !== "object" ||
    fields === null ||
    Array.isArray(fields) ||
    !Object.values(fields).every((v) => typeof v === "string")
  ) {
    return null;
  }
  return copy as PendingCopy;
}

/** Line breaks as one kind and no trailing whitespace: what the server keeps of a text. */
export function normalizeFieldText(value: string): string {
  return value.replace(/\r\n?/g, "\n").trimEnd();
}

/** Whether two snapshots hold the same text in every field (a missing field is empty). */
export function sameFields(a: DraftFields, b: DraftFields): boolean {
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (normalizeFieldText(a[name] ?? "") !== normalizeFieldText(b[name] ?? "")) return false;
  }
  return true;
}

/** Whether every field of `copy` says the same as `server` (fields absent from the copy are not compared). */
export function copyMatches(copy: DraftFields, server: DraftFields): boolean {
  return Object.keys(copy).every((name) => normalizeFieldText(copy[name] ?? "") === normalizeFieldText(server[name] ?? ""));
}

/** Field names whose kept text differs from the server's, in the copy's order. */
export function changedFieldNames(copy: DraftFields, server: DraftFields): string[] {
  return Object.keys(copy).filter((name) => normalizeFieldText(copy[name] ?? "") !== normalizeFieldText(server[name] ?? ""));
}

/**
 * A three-way merge of the shared draft, field by field, when a colleague saved in between:
 * `base` is the server's text this page last knew, `mine` what this page holds now, `theirs` the
 * colleague's saved draft. A field only one side changed takes that side's text; a field both
 * changed to different texts is a conflict, for the delegate to decide (nothing is chosen for
 * them). A missing field is an empty one. `taken` lists the fields taken from the colleague.
 */
export function mergeDraftFields(base: DraftFields, mine: DraftFields, theirs: DraftFields): { merged: DraftFields; conflicts: string[]; taken: string[] } {
  const text = (fields: DraftFields, name: string) => normalizeFieldText(fields[name] ?? "");
  const merged: DraftFields = {};
  const conflicts: string[] = [];
  const taken: string[] = [];
  const keep = (name: string, from: DraftFields) => {
    if (name in from) merged[name] = from[name]!;
  };
  for (const name of new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)])) {
    const [b, m, th] = [text(base, name), text(mine, name), text(theirs, name)];
    if (m === th) keep(name, mine);
    else if (m === b) {
      keep(name, theirs);
      taken.push(name);
    } else if (th === b) keep(name, mine);
    else {
      keep(name, mine);
      conflicts.push(name);
    }
  }
  return { merged, conflicts, taken };
}

export type RestoreDecision =
  | { action: "none" }
  | { action: "discard"; reason: "expired" | "already_saved" }
  /** Not this user's or not this draft's: leave it alone. */
  | { action: "ignore" }
  /** The server draft is still the one the copy was based on: put the copy back and save it. */
  | { action: "restore"; copy: PendingCopy }
  /** Someone saved the draft since the copy was kept: show both, let the delegate choose. */
  | { action: "offer"; copy: PendingCopy };

/**
 * What to do with a kept copy when the editor opens. Versions decide, not clocks: the browser's
 * and the server's clocks need not agree, and a copy that is older than a colleague's save can
 * still hold words nobody saved, so it is offered rather than dropped.
 */
export function decideRestore(
  copy: PendingCopy | null,
  server: { owner: string; key: string; draftVersion: number; fields: DraftFields },
  now: number,
): RestoreDecision {
  if (!copy) return { action: "none" };
  if (copy.owner !== server.owner || copy.key !== server.key) return { action: "ignore" };
  if (now - Date.parse(copy.savedAt) > MAX_COPY_AGE_MS) return { action: "discard", reason: "expired" };
  if (copyMatches(copy.fields, server.fields)) return { action: "discard", reason: "already_saved" };
  if (copy.baseVersion === server.draftVersion) return { action: "restore", copy };
  return { action: "offer", copy };
}

/**
 * Milliseconds until the next save: SAVE_DEBOUNCE_MS after the last change, but no later than
 * SAVE_MAX_WAIT_MS after the first change not yet saved. Never negative.
 */
export function nextSaveDelay(input: { now: number; lastChangeAt: number; firstUnsavedAt: number; debounceMs?: number; maxWaitMs?: number }): number {
  const debounced = input.lastChangeAt + (input.debounceMs ?? SAVE_DEBOUNCE_MS);
  const deadline = input.firstUnsavedAt + (input.maxWaitMs ?? SAVE_MAX_WAIT_MS);
  return Math.max(0, Math.min(debounced, deadline) - input.now);
}

/**
 * The wait before retry number `attempt` (1 for the first), with up to ±20 % jitter so that
 * many browsers cut off together do not all come back in the same second.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const index = Math.min(Math.max(attempt, 1), RETRY_DELAYS_MS.length) - 1;
  const base = RETRY_DELAYS_MS[index]!;
  return Math.round(base * (0.8 + 0.4 * random()));
}

const PROTOCOL_FIELDS = new Set(["intent", "draftVersion", "userId"]);

/** The body of a save request (and of the beacon sent when the page is left). */
export function buildSaveBody(fields: DraftFields, draftVersion: number, userId: string): FormData {
  const body = new FormData();
  body.set("intent", SAVE_INTENT);
  body.set("draftVersion", String(draftVersion));
  body.set("userId", userId);
  for (const [name, value] of Object.entries(fields)) {
    // The names above are the protocol's; a field cannot override them.
    if (!PROTOCOL_FIELDS.has(name)) body.append(name, value);
  }
  return body;
}

/** An upper bound of the encoded size of a save body, to choose between keepalive and not. */
export function saveBodySize(fields: DraftFields): number {
  const encoder = new TextEncoder();
  let size = 500; // the protocol fields and the multipart framing
  for (const [name, value] of Object.entries(fields)) size += encoder.encode(name).length + encoder.encode(value).length + 120;
  return size;
}

export type SaveOutcome =
  | { kind: "saved"; draftVersion: number; savedAt: string | null }
  /** `body` is the server's answer, for the caller to show the other text. */
  | { kind: "conflict"; draftVersion: number | null; body: unknown }
  | { kind: "signedOut" }
  | { kind: "closed"; reason: string }
  | { kind: "invalid"; body: unknown }
  | { kind: "refused"; status: number }
  | { kind: "retry"; status: number | null };

/**
 * What a server answer means (see the contract at the top). `type` and `redirected` are the
 * Fetch API's: a request made with redirect: "manual" sees a redirect as type "opaqueredirect".
 */
export function classifySaveResponse(response: {
  status: number;
  type?: string;
  redirected?: boolean;
  url?: string;
  location?: string | null;
  body: unknown;
}): SaveOutcome {
  const { status, body } = response;
  const json = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const version = Number.isSafeInteger(json.draftVersion) ? (json.draftVersion as number) : null;
  if (response.type === "opaqueredirect" || (status >= 300 && status < 400)) return { kind: "signedOut" };
  // A transport that followed a redirect to the sign-in page.
  if (response.redirected && response.url && new URL(response.url, "http://x").pathname === paths.login()) return { kind: "signedOut" };
  if (status === 401 || status === 403) return { kind: "signedOut" };
  if (status >= 200 && status < 300) {
    if (json.ok === true && version !== null) {
      return { kind: "saved", draftVersion: version, savedAt: typeof json.savedAt === "string" ? json.savedAt : null };
    }
    // Not the contract's answer (an HTML page, say): the text may not be saved, so say so.
    return { kind: "refused", status };
  }
  if (status === 409 || status === 423) {
    if (json.reason === "conflict") return { kind: "conflict", draftVersion: version, body };
    return { kind: "closed", reason: typeof json.reason === "string" ? json.reason : "locked" };
  }
  if (status === 400 || status === 413 || status === 422) return { kind: "invalid", body };
  if (status === 0 || status === 408 || status === 429 || status >= 500) return { kind: "retry", status: status || null };
  return { kind: "refused", status };
}
