// A few expensive results kept in memory between requests, each valid for one stamp of its inputs
// (the caller reads the stamp cheaply, e.g. from the database, on every request): another stamp
// computes again; requests at the same moment share one computation; beyond `size` names the least
// recently used goes, and a name unused for `idleMs` is dropped so an idle server gives it back.

type Entry<T> = { stamp: string; value: Promise<T>; timer: ReturnType<typeof setTimeout> | null };

export class StampedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly options: { size: number; idleMs: number }) {}

  /** The value of `name` for `stamp`, computed by `compute` unless already known for that stamp. */
  get(name: string, stamp: string, compute: () => Promise<T>): Promise<T> {
    const known = this.entries.get(name);
    if (known) {
      this.entries.delete(name);
      if (known.timer) clearTimeout(known.timer);
    }
    let entry = known;
    if (!entry || entry.stamp !== stamp) {
      const fresh: Entry<T> = { stamp, value: compute(), timer: null };
      // A failure is not kept: the next request tries again.
      fresh.value.catch(() => this.forget(name, fresh));
      entry = fresh;
    }
    const kept = entry;
    this.entries.set(name, kept);
    kept.timer = setTimeout(() => this.forget(name, kept), this.options.idleMs);
    kept.timer.unref?.();
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.options.size) break;
      this.forget(oldest, old);
    }
    return kept.value;
  }

  /** How many names are kept (tests). */
  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    for (const [name, entry] of [...this.entries]) this.forget(name, entry);
  }

  private forget(name: string, entry: Entry<T>) {
    if (this.entries.get(name) !== entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.entries.delete(name);
  }
}
