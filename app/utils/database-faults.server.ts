// A process-wide signal from app/server.ts's uncaught-exception handler to the database layer.
// Kept on globalThis because, in production, build/server.js (app/server.ts) and the Remix build each
// load their own copy of the modules under app/.

type Listener = (error: unknown) => void;

const KEY = Symbol.for("nonpaper.databaseDriverFault");

function listeners(): Set<Listener> {
  const store = globalThis as typeof globalThis & { [KEY]?: Set<Listener> };
  return (store[KEY] ??= new Set());
}

/** Called with every driver fault reported; returns the function that stops it. */
export function onDatabaseDriverFault(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Tells the database layer that its driver failed outside any query (returns how many heard). */
export function reportDatabaseDriverFault(error: unknown): number {
  let heard = 0;
  for (const listener of listeners()) {
    try {
      listener(error);
      heard += 1;
    } catch (failure) {
      console.error("Nonpaper: a database fault listener failed", failure);
    }
  }
  return heard;
}
