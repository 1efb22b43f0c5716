import type { ErrorMessageCode } from '@ecm365/shared';
import type { Db } from '../../db/database.js';
import { TooManyAttemptsError } from '../../errors/domain-errors.js';
import type { Clock } from '../../support/clock.js';
import {
  clearThrottleCounter,
  findThrottleWindowStart,
  giveBackThrottleTries,
  takeThrottleTry,
} from './throttle-counter.repository.js';

export interface CountedKey {
  key: string;
  /** Tries allowed within the window; further ones are refused until it has passed. */
  limit: number;
}

export interface TakenTry {
  key: string;
  windowStartedAt: Date;
}

/** Refusal inside the reservation transaction: rolls back the tries already taken for other keys. */
class AtLimit extends Error {
  constructor(readonly waitSeconds: number) {
    super('at limit');
  }
}

/**
 * Fixed-window counters in Postgres, shared by every app instance: the one mechanism behind the login limits,
 * wrong MS365 codes, wrong bearer tokens and the per-tenant caps.
 *
 * A try is reserved *before* the expensive step (the ELO login, the code lookup) with one atomic statement per
 * key, so a burst of parallel requests cannot read "below the limit" together and all get through: exactly
 * `limit` reservations succeed in a window. A reserved try counts as a failure unless the caller gives it back
 * (success, or an outcome that is not the client's fault).
 */
export class FailureCounter {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly windowSeconds: number,
  ) {}

  /**
   * Takes one try for every key, or none: throws 429 `too_many_attempts` (with the wait and the text `message`)
   * when any key is at its limit.
   */
  async reserve(keys: readonly CountedKey[], message: ErrorMessageCode): Promise<ReservedTries> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.windowSeconds * 1000);
    // A fixed order of keys, so that two reservations over the same keys cannot deadlock on the rows.
    const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const takeAll = async (db: Db): Promise<TakenTry[]> => {
      const taken: TakenTry[] = [];
      for (const { key, limit } of ordered) {
        const windowStartedAt = await takeThrottleTry(db, key, limit, now, cutoff);
        if (!windowStartedAt) throw new AtLimit(await this.waitSeconds(db, key, now));
        taken.push({ key, windowStartedAt });
      }
      return taken;
    };
    try {
      // One key needs no transaction: its statement is atomic on its own.
      const taken = ordered.length === 1 ? await takeAll(this.db) : await this.db.transaction().execute(takeAll);
      return new ReservedTries(this, taken);
    } catch (error) {
      if (error instanceof AtLimit) throw new TooManyAttemptsError(error.waitSeconds, message);
      throw error;
    }
  }

  /** @internal used by ReservedTries */
  async giveBack(taken: readonly TakenTry[]): Promise<void> {
    await giveBackThrottleTries(this.db, taken);
  }

  /** Forgets every try of the key (a successful login forgives its user name). */
  async clear(key: string): Promise<void> {
    await clearThrottleCounter(this.db, key);
  }

  private async waitSeconds(db: Db, key: string, now: Date): Promise<number> {
    const row = await findThrottleWindowStart(db, key);
    const windowEnds = (row?.windowStartedAt.getTime() ?? now.getTime()) + this.windowSeconds * 1000;
    return Math.max(1, (windowEnds - now.getTime()) / 1000);
  }
}

/** The tries one request holds; each stays counted unless given back. */
export class ReservedTries {
  private readonly open: Map<string, TakenTry>;

  constructor(
    private readonly counter: FailureCounter,
    taken: readonly TakenTry[],
  ) {
    this.open = new Map(taken.map((entry) => [entry.key, entry]));
  }

  /** Gives back the tries of these keys (all when none are named); each at most once. */
  async giveBack(...keys: string[]): Promise<void> {
    const tries: TakenTry[] = [];
    for (const key of keys.length > 0 ? keys : [...this.open.keys()]) {
      const taken = this.open.get(key);
      if (!taken) continue;
      this.open.delete(key);
      tries.push(taken);
    }
    await this.counter.giveBack(tries);
  }
}
