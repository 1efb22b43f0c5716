import type { SessionWithTenant } from './session.repository.js';

/** Reads the live sessions of these id hashes (one query), at a time taken when it is called. */
export type LoadSessions = (idHashes: readonly string[]) => Promise<Map<string, SessionWithTenant>>;

interface Waiting {
  resolve(session: SessionWithTenant | undefined): void;
  reject(error: unknown): void;
}

/** More would make one statement's array parameter and answer large for little further gain. */
const MAX_BATCH = 200;

/**
 * The session lookups of one event-loop turn, sent to PostgreSQL as one query. Requests that arrive together
 * (the HTTP parser hands over every request that came in on any socket before the loop moves on) each ask for
 * their session; the lookups are collected until the turn's I/O callbacks are done (`setImmediate`) and then read
 * with one statement. Every request still gets its session from a read issued after it arrived, as with a query
 * of its own, so nothing is served from a cache; what the requests share is the round trip. With the session
 * cache off (or on its misses) under load, the round trip per request (a write to PostgreSQL's socket, waking
 * it, and pg's and Kysely's work per statement) was most of what an uncached read cost (issue 13's profile).
 * Sequential requests each find the batch empty and get one query each, as before.
 */
export class SessionLookups {
  private pending = new Map<string, Waiting[]>();
  private scheduled = false;

  constructor(private readonly load: LoadSessions) {}

  find(idHash: string): Promise<SessionWithTenant | undefined> {
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(idHash);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(idHash, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    const hashes = [...batch.keys()];
    for (let start = 0; start < hashes.length; start += MAX_BATCH) {
      const part = hashes.slice(start, start + MAX_BATCH);
      this.load(part).then(
        (sessions) => {
          for (const idHash of part) for (const waiting of batch.get(idHash)!) waiting.resolve(sessions.get(idHash));
        },
        (error: unknown) => {
          for (const idHash of part) for (const waiting of batch.get(idHash)!) waiting.reject(error);
        },
      );
    }
  }
}
