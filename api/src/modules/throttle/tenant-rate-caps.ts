import type { ErrorMessageCode } from '@ecm365/shared';
import type { RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import { FailureCounter, type TakenTry } from './failure-counter.js';

export interface TenantCapLimits {
  connectAttemptsPerMinute: number;
  connectionTestsPerMinute: number;
  apiTokensPerMinute: number;
}

export type CappedAction = 'connect_attempt' | 'connection_test' | 'api_token';

const MESSAGES: Record<CappedAction, ErrorMessageCode> = {
  connect_attempt: 'error.too_many_connect_attempts',
  connection_test: 'error.too_many_connection_tests',
  api_token: 'error.too_many_new_api_tokens',
};

/**
 * Caps per tenant and minute on what costs outside quota or can be used to flood: connect attempts, connection
 * tests (each calls Microsoft on the shared app registration) and API-token creation. The same counters as the
 * failure limits, except that every try counts and none is given back; beyond the cap 429 `too_many_attempts`
 * with Retry-After.
 */
export class TenantRateCaps {
  private readonly counter: FailureCounter;

  constructor(
    db: Db,
    clock: Clock,
    private readonly limits: TenantCapLimits,
  ) {
    this.counter = new FailureCounter(db, clock, 60);
  }

  async take(action: CappedAction, tenantId: string): Promise<void> {
    await this.counter.reserve([{ key: `cap-${action}:${tenantId}`, limit: this.limitOf(action) }], MESSAGES[action]);
  }

  /**
   * `take`, with the try taken by the caller's statement (see FailureCounter.reserveWithin): `run` writes what the
   * cap guards in the same statement, only when the try was taken, and answers whether it was.
   */
  async takeWithin(
    action: CappedAction,
    tenantId: string,
    run: (take: RawBuilder<TakenTry>) => Promise<boolean>,
  ): Promise<void> {
    await this.counter.reserveWithin(
      { key: `cap-${action}:${tenantId}`, limit: this.limitOf(action) },
      MESSAGES[action],
      run,
    );
  }

  private limitOf(action: CappedAction): number {
    switch (action) {
      case 'connect_attempt':
        return this.limits.connectAttemptsPerMinute;
      case 'connection_test':
        return this.limits.connectionTestsPerMinute;
      case 'api_token':
        return this.limits.apiTokensPerMinute;
    }
  }
}
