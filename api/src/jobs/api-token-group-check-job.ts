import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { ApiTokenGroupChecks } from '../modules/api-tokens/api-token-group-checks.js';

export const API_TOKEN_GROUP_CHECK_QUEUE = 'api-token-group-check';

/**
 * Re-checks the API tokens' creators against ELO every hour, on one instance at a time (a singleton queue); each
 * token is due every API_TOKEN_GROUP_CHECK_HOURS (24), so a failed run is retried within the hour.
 */
export class ApiTokenGroupCheckJob {
  constructor(
    private readonly boss: PgBoss,
    private readonly deps: { checks: ApiTokenGroupChecks; logger: Logger },
  ) {}

  async start(): Promise<void> {
    await this.boss.createQueue(API_TOKEN_GROUP_CHECK_QUEUE, {
      name: API_TOKEN_GROUP_CHECK_QUEUE,
      policy: 'singleton',
    });
    await this.boss.schedule(API_TOKEN_GROUP_CHECK_QUEUE, '17 * * * *');
    // Once at start too: a token made before a long downtime should not wait for the next full hour.
    await this.boss.send(API_TOKEN_GROUP_CHECK_QUEUE, {});
    await this.boss.work(API_TOKEN_GROUP_CHECK_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
      const report = await this.deps.checks.checkDue();
      if (report.confirmed + report.revoked + report.unchecked > 0) {
        this.deps.logger.info(report, 'API token group checks done');
      }
    });
  }
}
