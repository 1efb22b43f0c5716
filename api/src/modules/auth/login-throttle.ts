import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import { FailureCounter, type ReservedTries } from '../throttle/failure-counter.js';

export interface LoginLimits {
  failuresPerUser: number;
  failuresPerIp: number;
  windowSeconds: number;
}

export interface ThrottleKeys {
  user?: string;
  ip: string;
}

/** How a sign-in ended, as far as the limits care. */
export type LoginOutcome = 'success' | 'wrong_credentials' | 'unknown_tenant' | 'not_counted';

/**
 * Failed-login limits per client IP and per user name (SPEC §7). Counters live in Postgres so that every app
 * instance behind a load balancer sees the same numbers. A try is reserved before ELO is asked, so a burst of
 * parallel logins reaches ELO at most as often as the limits allow; `settle` then keeps it as a failure or gives
 * it back.
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

  /** Reserves a try on both counters; throws TooManyAttemptsError (with Retry-After) while either is at its limit. */
  reserve(keys: ThrottleKeys): Promise<ReservedTries> {
    return this.counter.reserve(
      [
        { key: keys.ip, limit: this.limits.failuresPerIp },
        ...(keys.user ? [{ key: keys.user, limit: this.limits.failuresPerUser }] : []),
      ],
      'error.too_many_login_failures',
    );
  }

  /**
   * Wrong credentials stay counted on both keys; an unknown tenant only on the address (there is no such user
   * name to protect); a success gives the address its try back and forgives the user name's failures; anything
   * that is not the client's doing (ELO unavailable, password login disabled) gives both back.
   */
  async settle(keys: ThrottleKeys, tries: ReservedTries, outcome: LoginOutcome): Promise<void> {
    switch (outcome) {
      case 'wrong_credentials':
        return;
      case 'unknown_tenant':
        if (keys.user) await tries.giveBack(keys.user);
        return;
      case 'success':
        await tries.giveBack(keys.ip);
        if (keys.user) await this.counter.clear(keys.user);
        return;
      case 'not_counted':
        await tries.giveBack();
        return;
    }
  }
}
