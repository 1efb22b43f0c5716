import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import { FailureCounter } from './failure-counter.js';

export interface TenantCapLimits {
  connectAttemptsPerMinute: number;
  connectionTestsPerMinute: number;
  apiTokensPerMinute: number;
}

export type CappedAction = 'connect_attempt' | 'connection_test' | 'api_token';

const MESSAGES: Record<CappedAction, string> = {
  connect_attempt: 'Zu viele Verbindungsversuche in kurzer Zeit. Bitte warten Sie einen Moment.',
  connection_test: 'Zu viele Verbindungstests in kurzer Zeit. Bitte warten Sie einen Moment.',
  api_token: 'Zu viele neue API-Tokens in kurzer Zeit. Bitte warten Sie einen Moment.',
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
