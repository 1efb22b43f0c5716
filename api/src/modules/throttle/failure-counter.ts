import type { Db } from '../../db/database.js';
import { TooManyAttemptsError } from '../../errors/domain-errors.js';
import type { Clock } from '../../support/clock.js';
import { clearThrottleCounter, findThrottleCounters, incrementThrottleCounter } from './throttle-counter.repository.js';

export interface CountedKey {
  key: string;
  /** Failures allowed within the window before further tries are refused. */
  limit: number;
}

/**
 * Fixed-window failure counters in Postgres, shared by every app instance: login limits and MS365 code
 * redemption use them.
 */
export class FailureCounter {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly windowSeconds: number,
  ) {}

  /** Throws 429 `too_many_attempts` (with the wait and `message`) while any key is at its limit. */
  async assertBelowLimit(keys: readonly CountedKey[], message: string): Promise<void> {
    const waitSeconds = await this.blockedForSeconds(keys);
    if (waitSeconds > 0) throw new TooManyAttemptsError(waitSeconds, message);
  }

  /** Seconds until every key is below its limit again; 0 when none is at its limit. */
  async blockedForSeconds(keys: readonly CountedKey[]): Promise<number> {
    const now = this.clock.now().getTime();
    const counters = await findThrottleCounters(
      this.db,
      keys.map((entry) => entry.key),
    );
    let waitMs = 0;
    for (const counter of counters) {
      const limit = keys.find((entry) => entry.key === counter.key)?.limit ?? Infinity;
      const windowEnds = counter.windowStartedAt.getTime() + this.windowSeconds * 1000;
      if (counter.failures >= limit && windowEnds > now) waitMs = Math.max(waitMs, windowEnds - now);
    }
    return waitMs / 1000;
  }

  async recordFailure(keys: readonly string[]): Promise<void> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.windowSeconds * 1000);
    for (const key of keys) await incrementThrottleCounter(this.db, key, now, cutoff);
  }

  async clear(key: string): Promise<void> {
    await clearThrottleCounter(this.db, key);
  }
}
