import type { Db } from '../../db/database.js';
import { TooManyAttemptsError } from '../../errors/domain-errors.js';
import type { Clock } from '../../support/clock.js';
import { clearThrottle, findThrottleEntries, recordThrottleFailure } from './login-throttle.repository.js';

export interface LoginLimits {
  failuresPerUser: number;
  failuresPerIp: number;
  windowSeconds: number;
}

export interface ThrottleKeys {
  user?: string;
  ip: string;
}

/**
 * Failed-login limits per client IP and per user name (SPEC §7). Counters live in Postgres so that every app
 * instance behind a load balancer sees the same numbers.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly limits: LoginLimits,
  ) {}

  static keysFor(input: { ip: string; tenantId?: string; username?: string }): ThrottleKeys {
    return {
      ip: `ip:${input.ip}`,
      ...(input.tenantId && input.username
        ? { user: `user:${input.tenantId}:${input.username.trim().toLowerCase()}` }
        : {}),
    };
  }

  /** Throws TooManyAttemptsError (with Retry-After) while either counter is at its limit. */
  async assertAllowed(keys: ThrottleKeys): Promise<void> {
    const now = this.clock.now().getTime();
    const entries = await findThrottleEntries(this.db, [keys.ip, ...(keys.user ? [keys.user] : [])]);
    let retryAfterMs = 0;
    for (const entry of entries) {
      const limit = entry.key === keys.ip ? this.limits.failuresPerIp : this.limits.failuresPerUser;
      const windowEnds = entry.windowStartedAt.getTime() + this.limits.windowSeconds * 1000;
      if (entry.failures >= limit && windowEnds > now) retryAfterMs = Math.max(retryAfterMs, windowEnds - now);
    }
    if (retryAfterMs > 0) {
      throw new TooManyAttemptsError(
        retryAfterMs / 1000,
        'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie, bevor Sie es erneut versuchen.',
      );
    }
  }

  async recordFailure(keys: ThrottleKeys): Promise<void> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.limits.windowSeconds * 1000);
    for (const key of [keys.ip, ...(keys.user ? [keys.user] : [])])
      await recordThrottleFailure(this.db, key, now, cutoff);
  }

  /** A successful login forgives the user name's failures (not the IP's). */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    if (keys.user) await clearThrottle(this.db, keys.user);
  }
}
