import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import { FailureCounter } from '../throttle/failure-counter.js';

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
  private readonly counter: FailureCounter;

  constructor(
    db: Db,
    clock: Clock,
    private readonly limits: LoginLimits,
  ) {
    this.counter = new FailureCounter(db, clock, limits.windowSeconds);
  }

  static keysFor(input: { ip: string; tenantId?: string; username?: string }): ThrottleKeys {
    return {
      ip: `login-ip:${input.ip}`,
      ...(input.tenantId && input.username
        ? { user: `login-user:${input.tenantId}:${input.username.trim().toLowerCase()}` }
        : {}),
    };
  }

  /** Throws TooManyAttemptsError (with Retry-After) while either counter is at its limit. */
  async assertAllowed(keys: ThrottleKeys): Promise<void> {
    await this.counter.assertBelowLimit(
      [
        { key: keys.ip, limit: this.limits.failuresPerIp },
        ...(keys.user ? [{ key: keys.user, limit: this.limits.failuresPerUser }] : []),
      ],
      'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie, bevor Sie es erneut versuchen.',
    );
  }

  recordFailure(keys: ThrottleKeys): Promise<void> {
    return this.counter.recordFailure([keys.ip, ...(keys.user ? [keys.user] : [])]);
  }

  /** A successful login forgives the user name's failures (not the IP's). */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    if (keys.user) await this.counter.clear(keys.user);
  }
}
