import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { claimDueConnections, findConnection } from '../modules/ms365/connection.repository.js';
import type { ConnectionService } from '../modules/ms365/connection.service.js';
import type { Clock } from '../support/clock.js';

export const SWEEP_QUEUE = 'ms365-health-sweep';
export const CHECK_QUEUE = 'ms365-connection-check';

/** A claimed connection is not handed out again for this long, even if its check job got lost. */
const LEASE_MS = 15 * 60_000;
/** Connections claimed per sweep; the next sweep (a minute later) takes the rest. */
const SWEEP_BATCH = 5000;

export interface HealthMonitorOptions {
  concurrency: number;
  /** Cron expression of the sweep; every minute by default. */
  sweepCron?: string;
}

/**
 * Keeps every Microsoft 365 connection alive and honest (issue "Reliability"): a scheduled sweep claims the
 * connections whose check is due and queues one job per connection; workers refresh the token (forced, so the
 * refresh token never idles towards its 90-day expiry) and re-run the connection test, `concurrency` at a time.
 * The test records needs_reauth/error with the reason and the next check time (sooner after throttling).
 */
export class HealthMonitor {
  constructor(
    private readonly boss: PgBoss,
    private readonly deps: { db: Db; connections: ConnectionService; clock: Clock; logger: Logger },
    private readonly options: HealthMonitorOptions,
  ) {}

  /** Creates its queues and workers on a started job queue. */
  async start(): Promise<void> {
    await this.boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: 'singleton' });
    await this.boss.createQueue(CHECK_QUEUE, {
      name: CHECK_QUEUE,
      retryLimit: 3,
      retryBackoff: true,
      expireInSeconds: 120,
    });
    await this.boss.schedule(SWEEP_QUEUE, this.options.sweepCron ?? '* * * * *');
    await this.boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      await this.sweep();
    });
    // pg-boss waits its polling interval after every batch unless told that more work is there: keep fetching
    // while batches come back full, so a large sweep runs at `concurrency`, not at one batch per interval.
    const workerId: string = await this.boss.work<{ tenantId: string }>(
      CHECK_QUEUE,
      { batchSize: this.options.concurrency, pollingIntervalSeconds: 2 },
      async (jobs) => {
        await Promise.all(jobs.map((job) => this.check(job.data.tenantId)));
        if (jobs.length === this.options.concurrency) this.boss.notifyWorker(workerId);
      },
    );
  }

  /** Queues a check for every connection that is due; answers how many. */
  async sweep(): Promise<number> {
    const now = this.deps.clock.now();
    const tenantIds = await claimDueConnections(this.deps.db, now, new Date(now.getTime() + LEASE_MS), SWEEP_BATCH);
    if (tenantIds.length > 0) {
      await this.boss.insert(tenantIds.map((tenantId) => ({ name: CHECK_QUEUE, data: { tenantId } })));
      this.deps.logger.info({ queued: tenantIds.length }, 'health monitor queued connection checks');
    }
    return tenantIds.length;
  }

  /** One connection's check; gone connections (disconnected meanwhile) are skipped. */
  async check(tenantId: string): Promise<void> {
    const connection = await findConnection(this.deps.db, tenantId);
    if (!connection) return;
    const outcome = await this.deps.connections.testAndRecord(connection, { forceRefresh: true, trigger: 'monitor' });
    if (outcome.status !== 'connected') {
      this.deps.logger.warn(
        { tenantId, status: outcome.status, failed: outcome.result.checks.filter((c) => !c.ok).map((c) => c.id) },
        'connection check failed',
      );
    }
  }
}
