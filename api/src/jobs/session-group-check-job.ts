import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { SessionGroupChecks } from '../modules/sessions/session-group-checks.js';

export const GROUP_CHECK_QUEUE = 'session-group-check';

/**
 * Runs the sessions' group re-checks every minute, on one instance at a time (a singleton queue); each session
 * is due every SESSION_GROUP_CHECK_MINUTES, so a minute's delay still keeps within the 15-minute rule.
 */
export class SessionGroupCheckJob {
  constructor(
    private readonly boss: PgBoss,
    private readonly deps: { checks: SessionGroupChecks; logger: Logger },
  ) {}

  async start(): Promise<void> {
    await this.boss.createQueue(GROUP_CHECK_QUEUE, { name: GROUP_CHECK_QUEUE, policy: 'singleton' });
    await this.boss.schedule(GROUP_CHECK_QUEUE, '* * * * *');
    await this.boss.work(GROUP_CHECK_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      const report = await this.deps.checks.checkDue();
      if (report.checked > 0) this.deps.logger.info(report, 'session group checks done');
    });
  }
}
