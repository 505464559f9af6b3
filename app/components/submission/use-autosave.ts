import { useCallback, useEffect, useRef, useState } from "react";
import {
  buildSaveBody,
  classifySaveResponse,
  decideRestore,
  KEEPALIVE_LIMIT_BYTES,
  makePendingCopy,
  nextSaveDelay,
  parsePendingCopy,
  retryDelay,
  sameFields,
  saveBodySize,
  storageKeyFor,
  type DraftFields,
  type PendingCopy,
  type SaveOutcome,
} from "~/lib/autosave-store";

/**
 * Autosave of a shared draft, for the submission editor. The request it sends and the answers
 * it understands are described at the top of app/lib/autosave-store.ts.
 *
 * - Saves 1.5 s after typing stops and at least every 10 s while typing goes on; at once on
 *   `saveNow()` (wire it to blur); with a keepalive request when the tab is hidden; with
 *   navigator.sendBeacon when the page is left; and before unmounting (a link followed inside
 *   the app).
 * - One save at a time: changes made meanwhile are saved next, on the version it returned.
 * - Nothing typed is lost: whenever a save fails, and whenever the page is hidden with unsaved
 *   text, a copy goes to localStorage (per user and draft) with the version it was based on.
 *   When the editor opens again, the copy is restored and saved automatically if the server's
 *   draft has not changed since, offered otherwise (see decideRestore). An offered copy moves to
 *   "<key>:offered" and stays there until the delegate uses or discards it. A copy is deleted
 *   once the text it holds is saved.
 * - Never overwrites someone else's save: a conflict stops autosaving and goes to `onConflict`;
 *   the caller shows both texts and calls `resolveConflict` once the delegate has chosen.
 * - Network and server failures are retried with backoff; an expired session waits for the
 *   delegate to sign in again in another tab (checked on focus, when back online, every 30 s).
 */

export type AutosaveState =
  | "idle" // nothing changed yet in this visit
  | "pending" // changes waiting to be saved ("Not saved yet")
  | "saving"
  | "saved"
  | "retrying" // network or server failure; next attempt at `retryAt`
  | "signedOut" // session expired: waiting for the delegate to sign in again
  | "conflict" // someone else saved in between: the caller shows both texts
  | "invalid" // the server refused the text as written (validation)
  | "closed" // drafts are closed (deadline passed, consultation closed)
  | "refused"; // any other refusal (`httpStatus`)

export type AutosaveStatus = {
  state: AutosaveState;
  /** When everything was last saved (the server's time when it says so), ISO. */
  savedAt: string | null;
  /** When the next retry is due (browser clock, ms), in "retrying". */
  retryAt: number | null;
  /** The HTTP status of a refusal, in "refused". */
  httpStatus: number | null;
  /** A copy of the unsaved text is in this browser's storage. */
  keptLocally: boolean;
  /** Storage refused the copy (full, disabled, private mode): the page asks before it is left. */
  storageFailed: boolean;
  /** When the copy restored automatically at load was kept, ISO. */
  restoredFrom: string | null;
  /** The last save succeeded after a failure (announced to screen readers). */
  recovered: boolean;
};

export type SaveTransport = (body: FormData, options: { keepalive: boolean; signal: AbortSignal }) => Promise<SaveOutcome>;

export type ConflictOutcome = Extract<SaveOutcome, { kind: "conflict" }>;

export type UseAutosaveOptions = {
  /** The action that accepts intent=save-draft (a resource route answering JSON). */
  url: string;
  /** What the draft is, e.g. the consultation id; with `owner`, names the browser copy. */
  storageKey: string;
  /** The signed-in user's id: a copy is only ever offered to the user who typed it. */
  owner: string;
  /** The draft's current content as form fields (name → text); a new object each render is fine. */
  fields: DraftFields;
  /** The server draft version the page was loaded with. */
  draftVersion: number;
  /** The server draft's content, if `fields` did not start equal to it. */
  serverFields?: DraftFields;
  /** When the server draft was last saved, for the first status line. */
  savedAt?: string | null;
  /** False once the editor is read-only (deadline passed, submitted): nothing is sent. */
  enabled?: boolean;
  /** How to send a save; by default a fetch to `url` (see fetchTransport). */
  transport?: SaveTransport;
  /** Applies text restored from the browser copy to the editor (required to restore). */
  onRestore?: (fields: DraftFields) => void;
  /** A colleague saved in between; `base` is the server text this page last knew (for a merge). */
  onConflict?: (conflict: ConflictOutcome, base: DraftFields) => void;
  onInvalid?: (body: unknown) => void;
  onSaved?: (result: { draftVersion: number; savedAt: string }) => void;
  debounceMs?: number;
  maxWaitMs?: number;
};

export type UseAutosaveResult = {
  status: AutosaveStatus;
  /** The version the next save builds on. */
  draftVersion: number;
  /** A kept copy to offer (the server draft changed since it was kept), or null. */
  offer: PendingCopy | null;
  /** Puts the offered copy into the editor (through onRestore); it is then saved over the server's draft. */
  acceptOffer: () => void;
  /** Deletes the offered copy. */
  declineOffer: () => void;
  /** Saves now (on blur, "Try again now"); also retries after a failure. */
  saveNow: () => void;
  /**
   * After a conflict, once the delegate has seen both texts: the next save builds on the
   * server's `draftVersion` (whose content is `fields`, if known) and autosaving resumes; `mine`,
   * when given, is the text to save (the merge), sent before the editor shows it.
   */
  resolveConflict: (server: { draftVersion: number; fields?: DraftFields }, mine?: DraftFields) => void;
};

const SAVE_TIMEOUT_MS = 20_000;
const SIGNED_OUT_PROBE_MS = 30_000;

type Mode = "normal" | "retrying" | "signedOut" | "conflict" | "invalid" | "closed" | "refused";

/** Saves with fetch: same-origin cookies, redirects not followed (a redirect means "sign in"). */
export function fetchTransport(url: string): SaveTransport {
  return async (body, { keepalive, signal }) => {
    try {
      const response = await fetch(url, {
        method: "POST",
        body,
        credentials: "same-origin",
        redirect: "manual",
        keepalive,
        signal,
        headers: { Accept: "application/json" },
      });
      const json = response.headers.get("Content-Type")?.includes("json") ? await response.json().catch(() => null) : null;
      return classifySaveResponse({
        status: response.status,
        type: response.type,
        redirected: response.redirected,
        url: response.url,
        location: response.headers.get("Location"),
        body: json,
      });
    } catch {
      // Offline, aborted after SAVE_TIMEOUT_MS, or refused by the browser.
      return { kind: "retry", status: null };
    }
  };
}

function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

// The fields' content as one comparable string, whatever object identity the caller passes.
function fieldsKey(fields: DraftFields): string {
  return JSON.stringify(
    Object.keys(fields)
      .sort()
      .map((name) => [name, fields[name]]),
  );
}

export function useAutosave(options: UseAutosaveOptions): UseAutosaveResult {
  const opts = useRef(options);
  opts.current = options;
  const enabled = options.enabled ?? true;
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const copyKey = storageKeyFor(options.storageKey, options.owner);
  const offerKey = `${copyKey}:offered`;

  const latest = useRef(options.fields);
  latest.current = options.fields;
  const saved = useRef<DraftFields>(options.serverFields ?? options.fields);
  const version = useRef(options.draftVersion);
  const mode = useRef<Mode>("normal");
  const inFlight = useRef(false);
  const inFlightFields = useRef<DraftFields | null>(null);
  const alive = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const firstUnsavedAt = useRef<number | null>(null);
  const lastChangeAt = useRef(0);
  const attempt = useRef(0);
  const copyKept = useRef(false);
  const failedSinceSave = useRef(false);
  const restoreChecked = useRef(false);

  const [status, setStatus] = useState<AutosaveStatus>(() => ({
    state: options.savedAt ? "saved" : "idle",
    savedAt: options.savedAt ?? null,
    retryAt: null,
    httpStatus: null,
    keptLocally: false,
    storageFailed: false,
    restoredFrom: null,
    recovered: false,
  }));
  const [draftVersion, setDraftVersion] = useState(options.draftVersion);
  const [offer, setOffer] = useState<PendingCopy | null>(null);
  const offerRef = useRef<PendingCopy | null>(null);
  const showOffer = (copy: PendingCopy | null) => {
    offerRef.current = copy;
    setOffer(copy);
  };

  const update = useCallback((patch: Partial<AutosaveStatus>) => {
    setStatus((current) => ((Object.keys(patch) as (keyof AutosaveStatus)[]).every((k) => current[k] === patch[k]) ? current : { ...current, ...patch }));
  }, []);

  const isDirty = () => !sameFields(latest.current, saved.current);
  const transport = () => opts.current.transport ?? fetchTransport(opts.current.url);

  const keepCopy = (): boolean => {
    const store = browserStorage();
    try {
      if (!store) throw new Error("no storage");
      const copy = makePendingCopy({
        owner: opts.current.owner,
        key: opts.current.storageKey,
        baseVersion: version.current,
        fields: latest.current,
        now: Date.now(),
      });
      store.setItem(copyKey, JSON.stringify(copy));
      copyKept.current = true;
      update({ keptLocally: true, storageFailed: false });
      return true;
    } catch {
      update({ keptLocally: false, storageFailed: true });
      return false;
    }
  };

  const dropCopy = () => {
    try {
      browserStorage()?.removeItem(copyKey);
    } catch {
      // Nothing to do: the copy simply stays until the next save or its expiry.
    }
    copyKept.current = false;
    update({ keptLocally: false, storageFailed: false });
  };

  const removeOffered = () => {
    try {
      browserStorage()?.removeItem(offerKey);
    } catch {
      // It is offered again next time, or expires.
    }
  };

  const clearTimer = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
  };

  const schedule = () => {
    clearTimer();
    if (!enabledRef.current || mode.current !== "normal" || !isDirty()) return;
    const now = Date.now();
    const delay = nextSaveDelay({
      now,
      lastChangeAt: lastChangeAt.current || now,
      firstUnsavedAt: firstUnsavedAt.current ?? now,
      debounceMs: opts.current.debounceMs,
      maxWaitMs: opts.current.maxWaitMs,
    });
    timer.current = setTimeout(() => void run(), delay);
  };

  const fail = (next: Mode, patch: Partial<AutosaveStatus>) => {
    mode.current = next;
    failedSinceSave.current = true;
    keepCopy();
    update({ recovered: false, ...patch });
  };

  const handle = (outcome: SaveOutcome, snapshot: DraftFields) => {
    switch (outcome.kind) {
      case "saved": {
        version.current = outcome.draftVersion;
        setDraftVersion(outcome.draftVersion);
        saved.current = snapshot;
        attempt.current = 0;
        mode.current = "normal";
        const savedAt = outcome.savedAt ?? new Date().toISOString();
        const dirty = isDirty();
        if (dirty) {
          firstUnsavedAt.current = Date.now();
          // Keep an existing copy in step with the new base version.
          if (copyKept.current) keepCopy();
        } else {
          firstUnsavedAt.current = null;
          dropCopy();
        }
        update({
          state: dirty ? "pending" : "saved",
          savedAt,
          retryAt: null,
          httpStatus: null,
          recovered: failedSinceSave.current,
        });
        failedSinceSave.current = false;
        opts.current.onSaved?.({ draftVersion: outcome.draftVersion, savedAt });
        return;
      }
      case "conflict":
        fail("conflict", { state: "conflict" });
        opts.current.onConflict?.(outcome, saved.current);
        return;
      case "signedOut":
        fail("signedOut", { state: "signedOut" });
        return;
      case "closed":
        fail("closed", { state: "closed" });
        return;
      case "invalid":
        // A refusal of text already changed (e.g. the refused characters were just removed): the
        // new text goes next instead of waiting for another keystroke.
        if (!sameFields(snapshot, latest.current)) return;
        fail("invalid", { state: "invalid" });
        opts.current.onInvalid?.(outcome.body);
        return;
      case "refused":
        fail("refused", { state: "refused", httpStatus: outcome.status });
        return;
      case "retry": {
        attempt.current += 1;
        const delay = retryDelay(attempt.current);
        fail("retrying", { state: "retrying", retryAt: Date.now() + delay });
        clearTimer();
        timer.current = setTimeout(() => {
          mode.current = "normal";
          void run();
        }, delay);
        return;
      }
    }
  };

  const run = async (runOptions: { keepalive?: boolean } = {}) => {
    clearTimer();
    if (!enabledRef.current || mode.current !== "normal") return;
    if (inFlight.current) return; // the save in flight reschedules when it ends
    if (!isDirty()) {
      firstUnsavedAt.current = null;
      setStatus((current) => (current.state === "pending" ? { ...current, state: current.savedAt ? "saved" : "idle" } : current));
      return;
    }
    const snapshot = latest.current;
    const body = buildSaveBody(snapshot, version.current, opts.current.owner);
    const keepalive = Boolean(runOptions.keepalive) && saveBodySize(snapshot) <= KEEPALIVE_LIMIT_BYTES;
    inFlight.current = true;
    inFlightFields.current = snapshot;
    update({ state: "saving" });
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), SAVE_TIMEOUT_MS);
    let outcome: SaveOutcome;
    try {
      outcome = await transport()(body, { keepalive, signal: controller.signal });
    } catch {
      outcome = { kind: "retry", status: null };
    } finally {
      clearTimeout(timeout);
      inFlight.current = false;
      inFlightFields.current = null;
    }
    if (!alive.current) {
      // Left the page meanwhile: the copy, if any, is no longer needed once this text is saved.
      if (outcome.kind === "saved" && sameFields(snapshot, latest.current)) dropCopy();
      return;
    }
    handle(outcome, snapshot);
    if (mode.current === "normal" && isDirty()) schedule();
  };

  // Latest versions for the listeners below, which are attached once.
  const runRef = useRef(run);
  runRef.current = run;
  const keepCopyRef = useRef(keepCopy);
  keepCopyRef.current = keepCopy;

  // Every change of the content.
  const key = fieldsKey(options.fields);
  useEffect(() => {
    if (!enabledRef.current) return;
    if (!isDirty()) {
      firstUnsavedAt.current = null;
      if (mode.current === "normal") {
        clearTimer();
        if (copyKept.current && !inFlight.current) dropCopy();
        setStatus((current) => (current.state === "pending" ? { ...current, state: current.savedAt ? "saved" : "idle" } : current));
      }
      return;
    }
    const now = Date.now();
    lastChangeAt.current = now;
    firstUnsavedAt.current ??= now;
    // The delegate is correcting the text: try again.
    if (mode.current === "invalid" || mode.current === "refused") mode.current = "normal";
    if (mode.current === "normal") {
      if (!inFlight.current) update({ state: "pending" });
      schedule();
    } else {
      // Not sending for now: keep every word in the browser instead.
      keepCopy();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its helpers read refs: it runs when the listed value changes, not at every render
  }, [key]);

  // A newer server version arrives with the page's data (a revalidation) while nothing is unsaved.
  useEffect(() => {
    if (options.draftVersion > version.current && !inFlight.current && !isDirty()) {
      version.current = options.draftVersion;
      setDraftVersion(options.draftVersion);
      saved.current = opts.current.serverFields ?? latest.current;
    }
  }, [options.draftVersion]);

  // Read-only from now on: stop, and keep what was not saved.
  useEffect(() => {
    if (enabled) {
      schedule();
      return;
    }
    clearTimer();
    if (isDirty()) keepCopyRef.current();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its helpers read refs: it runs when the listed value changes, not at every render
  }, [enabled]);

  // On opening: a copy kept by an earlier visit? An offered copy waits under a key of its own
  // until the delegate decides, so that saving other text meanwhile cannot delete it.
  useEffect(() => {
    if (restoreChecked.current) return;
    restoreChecked.current = true;
    const store = browserStorage();
    const read = (name: string) => {
      try {
        return parsePendingCopy(store?.getItem(name));
      } catch {
        return null;
      }
    };
    const server = { owner: options.owner, key: options.storageKey, draftVersion: version.current, fields: saved.current };
    const now = Date.now();
    const main = decideRestore(read(copyKey), server, now);
    const waiting = decideRestore(read(offerKey), server, now);
    let offered: PendingCopy | null = waiting.action === "restore" || waiting.action === "offer" ? waiting.copy : null;
    if (waiting.action === "discard") removeOffered();

    if (main.action === "discard") dropCopy();
    else if (main.action === "restore" && opts.current.onRestore && enabledRef.current) {
      copyKept.current = true;
      update({ restoredFrom: main.copy.savedAt, keptLocally: true });
      opts.current.onRestore(main.copy.fields);
    } else if (main.action === "restore" || main.action === "offer") {
      // The newer of the two kept copies is the one offered.
      offered = main.copy;
      try {
        store?.setItem(offerKey, JSON.stringify(main.copy));
        store?.removeItem(copyKey);
      } catch {
        // It stays under the main key: offered again next time.
      }
    }
    if (offered) showOffer(offered);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its helpers read refs: it runs when the listed value changes, not at every render
  }, []);

  // Leaving, hiding, coming back, going online, signing in elsewhere.
  useEffect(() => {
    alive.current = true;
    const unsaved = () => enabledRef.current && isDirty();
    const sending = () => mode.current === "normal" || mode.current === "retrying";
    const retryNow = () => {
      if (mode.current === "signedOut" || mode.current === "retrying") {
        mode.current = "normal";
        void runRef.current();
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") {
        if (!unsaved()) return;
        keepCopyRef.current();
        if (mode.current === "normal") void runRef.current({ keepalive: true });
      } else {
        retryNow();
      }
    };
    const onPageHide = () => {
      if (!unsaved()) return;
      keepCopyRef.current();
      // Unless the very same text is already on its way (a keepalive save from "hidden").
      const onItsWay = inFlightFields.current !== null && sameFields(inFlightFields.current, latest.current);
      if (sending() && !onItsWay && saveBodySize(latest.current) <= KEEPALIVE_LIMIT_BYTES) {
        navigator.sendBeacon?.(opts.current.url, buildSaveBody(latest.current, version.current, opts.current.owner));
      }
    };
    const onPageShow = (event: PageTransitionEvent) => {
      // Back from the back/forward cache: the beacon may or may not have arrived; saving the
      // same text again is harmless (the server answers with its version).
      if (event.persisted && unsaved() && mode.current === "normal") void runRef.current();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Only when neither the server nor this browser holds the text.
      if (unsaved() && !copyKept.current) {
        if (!keepCopyRef.current()) event.preventDefault();
      }
    };
    const probe = setInterval(() => {
      if (mode.current === "signedOut") retryNow();
    }, SIGNED_OUT_PROBE_MS);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("pageshow", onPageShow);
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("focus", retryNow);
    window.addEventListener("online", retryNow);
    return () => {
      alive.current = false;
      clearInterval(probe);
      clearTimer();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("pageshow", onPageShow);
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("focus", retryNow);
      window.removeEventListener("online", retryNow);
      // Unmounting with unsaved text (a link inside the app): keep it, and try once more.
      if (unsaved() && sending()) {
        keepCopyRef.current();
        const snapshot = latest.current;
        const controller = new AbortController();
        void transport()(buildSaveBody(snapshot, version.current, opts.current.owner), {
          keepalive: saveBodySize(snapshot) <= KEEPALIVE_LIMIT_BYTES,
          signal: controller.signal,
        }).then((outcome) => {
          if (outcome.kind === "saved") {
            try {
              const store = browserStorage();
              const copy = parsePendingCopy(store?.getItem(copyKey));
              if (copy && sameFields(copy.fields, snapshot)) store?.removeItem(copyKey);
            } catch {
              // The copy stays; the next visit finds it already saved and drops it.
            }
          }
        });
      }
    };
  }, [copyKey]);

  const saveNow = useCallback(() => {
    if (mode.current === "conflict" || mode.current === "closed") return;
    mode.current = "normal";
    void runRef.current();
  }, []);

  const acceptOffer = useCallback(() => {
    const copy = offerRef.current;
    if (!copy || !opts.current.onRestore) return;
    showOffer(null);
    // The delegate chose to replace the newer server draft: the save builds on its version.
    // Until it is saved, the text is kept under the main key like any unsaved text.
    opts.current.onRestore(copy.fields);
    latest.current = { ...latest.current, ...copy.fields };
    keepCopy();
    removeOffered();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its helpers read refs: it runs when the listed value changes, not at every render
  }, []);

  const declineOffer = useCallback(() => {
    showOffer(null);
    removeOffered();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its helpers read refs: it runs when the listed value changes, not at every render
  }, []);

  const resolveConflict = useCallback((server: { draftVersion: number; fields?: DraftFields }, mine?: DraftFields) => {
    // The merged text is sent now, before the editor re-renders with it.
    if (mine) latest.current = mine;
    version.current = server.draftVersion;
    setDraftVersion(server.draftVersion);
    // Unknown server content: treat everything as unsaved so that the delegate's text is sent.
    saved.current = server.fields ?? {};
    mode.current = "normal";
    firstUnsavedAt.current = Date.now();
    lastChangeAt.current = Date.now();
    update({ state: isDirty() ? "pending" : "saved" });
    void runRef.current();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its helpers read refs: it runs when the listed value changes, not at every render
  }, []);

  return { status, draftVersion, offer, acceptOffer, declineOffer, saveNow, resolveConflict };
}
