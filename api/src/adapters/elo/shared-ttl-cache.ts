interface Entry<T> {
  value: Promise<T>;
  expiresAt: number;
}

/**
 * Caches one loaded value per key for `ttlMs`. Concurrent first requests share one load; a failed load is not
 * cached, so the next request tries again.
 */
export class SharedTtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value;
    this.sweep();
    // Until it settles the load never expires, so that slow loads are still shared.
    const entry: Entry<T> = { value: Promise.resolve().then(load), expiresAt: Number.POSITIVE_INFINITY };
    this.entries.set(key, entry);
    entry.value.then(
      () => {
        entry.expiresAt = this.now() + this.ttlMs;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
