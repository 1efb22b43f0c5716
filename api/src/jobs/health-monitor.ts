import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { claimDueConnections, findConnection } from '../modules/ms365/connection/connection.repository.js';
import type { ConnectionService } from '../modules/ms365/connection/connection.service.js';
import type { Clock } from '../support/clock.js';

export const SWEEP_QUEUE = 'ms365-health-sweep';
export const CHECK_QUEUE = 'ms365-connection-check';

/** A claimed connection is not handed out again for this long, even if its check job got lost. */
const LEASE_MS = 15 * 60_000;
/** Connections claimed per sweep; the next sweep (a minute later) takes the rest. */
const SWEEP_BATCH = 5000;
/**
 * Claimed and queued per round trip: a sweep's memory and each claim's transaction stay the same size however
 * many connections are due (one statement over 5,000 rows held their locks and ids at once).
 */
const SWEEP_PAGE = 500;

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
  /** This instance's check workers: woken when its sweep queued work (others find it at their next poll). */
  private readonly workerIds: string[] = [];

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
    // `concurrency` workers of one job each rather than one worker of `concurrency` jobs: pg-boss completes a
    // batch only when its slowest check is done, so batches left most workers idle behind one slow Microsoft
    // answer (issue 13). pg-boss waits its polling interval after every fetch unless told that more work is
    // there: a worker that got a job asks again at once, so a large sweep runs at `concurrency`.
    for (let i = 0; i < this.options.concurrency; i++) {
      const workerId: string = await this.boss.work<{ tenantId: string }>(
        CHECK_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 5 },
        async ([job]) => {
          if (!job) return;
          await this.check(job.data.tenantId);
          this.boss.notifyWorker(workerId);
        },
      );
      this.workerIds.push(workerId);
    }
  }

  /** Queues a check for every connection that is due; answers how many. */
  async sweep(): Promise<number> {
    let queued = 0;
    while (queued < SWEEP_BATCH) {
      const now = this.deps.clock.now();
      const page = Math.min(SWEEP_PAGE, SWEEP_BATCH - queued);
      const tenantIds = await claimDueConnections(this.deps.db, now, new Date(now.getTime() + LEASE_MS), page);
      if (tenantIds.length > 0) {
        await this.boss.insert(tenantIds.map((tenantId) => ({ name: CHECK_QUEUE, data: { tenantId } })));
        for (const workerId of this.workerIds) this.boss.notifyWorker(workerId);
      }
      queued += tenantIds.length;
      if (tenantIds.length < page) break;
    }
    if (queued > 0) this.deps.logger.info({ queued }, 'health monitor queued connection checks');
    return queued;
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
