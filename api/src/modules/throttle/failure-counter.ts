import type { ErrorMessageCode } from '@ecm365/shared';
import type { RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import { TooManyAttemptsError } from '../../errors/domain-errors.js';
import type { Clock } from '../../support/clock.js';
import {
  clearAndGiveBackThrottleTries,
  clearThrottleCounter,
  findThrottleWindowStart,
  giveBackThrottleTries,
  takeThrottleTries,
  throttleTriesTake,
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

/**
 * Fixed-window counters in Postgres, shared by every app instance: the one mechanism behind the login limits,
 * wrong MS365 codes, wrong bearer tokens and the per-tenant caps.
 *
 * A try is reserved *before* the expensive step (the ELO login, the code lookup) with one atomic statement for
 * all keys, so a burst of parallel requests cannot read "below the limit" together and all get through: no more
 * than `limit` reservations succeed in a window. A reserved try counts as a failure unless the caller gives it
 * back (success, or an outcome that is not the client's fault).
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
   *
   * One statement takes the tries of all keys (a redemption has three: one round trip instead of a transaction of
   * five). When a key is at its limit, the tries the statement did take for the others are given back at once; in
   * between, a moment, they count, so a concurrent request at one of those limits may be refused too — never
   * let through: the counters can only be stricter than the limits, not looser.
   */
  async reserve(keys: readonly CountedKey[], message: ErrorMessageCode): Promise<ReservedTries> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.windowSeconds * 1000);
    // A fixed order of keys, so that two reservations over the same keys cannot deadlock on the rows; a key named
    // twice is taken once, with the stricter limit (one statement cannot touch a row twice).
    const limits = new Map<string, number>();
    for (const { key, limit } of keys) limits.set(key, Math.min(limit, limits.get(key) ?? limit));
    const ordered = [...limits]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, limit]) => ({ key, limit }));
    const taken = await takeThrottleTries(this.db, ordered, now, cutoff);
    const refused = ordered.find(({ key }) => !taken.some((entry) => entry.key === key));
    if (!refused) return new ReservedTries(this, taken);
    await this.giveBack(taken);
    throw new TooManyAttemptsError(await this.waitSeconds(refused.key, now), message);
  }

  /**
   * One try of one key, taken by the caller's own statement: `run` gets the statement that takes it (for a
   * data-modifying CTE that writes only when the try was taken) and answers whether it was. Not taken: 429 as in
   * `reserve`. The try stays counted (for caps, which give nothing back).
   */
  async reserveWithin(
    key: CountedKey,
    message: ErrorMessageCode,
    run: (take: RawBuilder<TakenTry>) => Promise<boolean>,
  ): Promise<void> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.windowSeconds * 1000);
    if (await run(throttleTriesTake([key], now, cutoff))) return;
    throw new TooManyAttemptsError(await this.waitSeconds(key.key, now), message);
  }

  /** @internal used by ReservedTries */
  async giveBack(taken: readonly TakenTry[]): Promise<void> {
    await giveBackThrottleTries(this.db, taken);
  }

  /** Forgets every try of the key (a successful login forgives its user name). */
  async clear(key: string): Promise<void> {
    await clearThrottleCounter(this.db, key);
  }

  /** @internal used by ReservedTries */
  async clearAndGiveBack(clearKey: string, taken: readonly TakenTry[]): Promise<void> {
    await clearAndGiveBackThrottleTries(this.db, clearKey, taken);
  }

  private async waitSeconds(key: string, now: Date): Promise<number> {
    const row = await findThrottleWindowStart(this.db, key);
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

  /**
   * Success: forgets every try of `key` (not only this request's) and gives back the other keys' tries, in one
   * statement.
   */
  async forgive(key: string): Promise<void> {
    const tries = [...this.open.values()];
    this.open.clear();
    await this.counter.clearAndGiveBack(key, tries);
  }
}
