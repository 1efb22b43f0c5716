import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { claimDueConnections, findConnections } from '../modules/ms365/connection/connection.repository.js';
import type { ConnectionService } from '../modules/ms365/connection/connection.service.js';
import { listFeaturesOfTenants } from '../modules/ms365/features/feature.repository.js';
import { featureSettingsOf } from '../modules/ms365/features/feature.service.js';
import { findImportSettingsOfTenants } from '../modules/invoice-import/invoice-import.repository.js';
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
/**
 * Connections per check job. A job per connection cost pg-boss a fetch and a completion (and the check two reads)
 * for every check; a job of a page reads its connections and their feature settings in one query each and runs
 * the checks one after the other, so `concurrency` workers still check `concurrency` connections at a time.
 */
export const CHECKS_PER_JOB = 10;
/** A job's time before pg-boss retries it elsewhere: generous per check (a check retries slow Microsoft answers). */
const JOB_SECONDS_PER_CHECK = 60;

/** A check job's data: a page of tenants (jobs of one tenant, `tenantId`, came from earlier versions). */
export type CheckJobData = { tenantIds: string[] } | { tenantId: string };

export interface HealthMonitorOptions {
  concurrency: number;
  /** Cron expression of the sweep; every minute by default. */
  sweepCron?: string;
}

/**
 * Keeps every Microsoft 365 connection alive and honest (issue "Reliability"): a scheduled sweep claims the
 * connections whose check is due and queues them in jobs of CHECKS_PER_JOB; workers refresh the token (forced, so the
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
      const workerId: string = await this.boss.work<CheckJobData>(
        CHECK_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 5 },
        async ([job]) => {
          if (!job) return;
          await this.checkPage('tenantIds' in job.data ? job.data.tenantIds : [job.data.tenantId]);
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
        await this.queueChecks(tenantIds, CHECKS_PER_JOB);
        for (const workerId of this.workerIds) this.boss.notifyWorker(workerId);
      }
      queued += tenantIds.length;
      if (tenantIds.length < page) break;
    }
    if (queued > 0) this.deps.logger.info({ queued }, 'health monitor queued connection checks');
    return queued;
  }

  /** Jobs of up to `perJob` tenants each. */
  private async queueChecks(tenantIds: string[], perJob: number): Promise<void> {
    const jobs = [];
    for (let from = 0; from < tenantIds.length; from += perJob) {
      const page = tenantIds.slice(from, from + perJob);
      jobs.push({ name: CHECK_QUEUE, data: { tenantIds: page }, expireInSeconds: page.length * JOB_SECONDS_PER_CHECK });
    }
    await this.boss.insert(jobs);
  }

  /** One connection's check (tests call it by hand); gone connections (disconnected meanwhile) are skipped. */
  async check(tenantId: string): Promise<void> {
    await this.checkPage([tenantId]);
  }

  /**
   * The checks of a page of tenants, one after the other, their outcomes recorded together (testAndRecordPage). A
   * check that throws (the database, a bug: Microsoft's failures are results, not errors) does not cost the others
   * theirs: the page's failed tenants are queued again as jobs of one, which pg-boss retries on their own; a job of
   * one that fails is retried as it is.
   */
  async checkPage(tenantIds: string[]): Promise<void> {
    // The page's rows, feature settings and import settings in one query each (the import's probe read its
    // settings once per check before).
    const [connections, featureRows, importRows] = await Promise.all([
      findConnections(this.deps.db, tenantIds),
      listFeaturesOfTenants(this.deps.db, tenantIds),
      findImportSettingsOfTenants(this.deps.db, tenantIds),
    ]);
    const importSettings = new Map(importRows.map((row) => [row.tenantId, row]));
    const page = connections.map((connection) => ({
      connection,
      features: featureSettingsOf(featureRows.filter((row) => row.tenantId === connection.tenantId)),
      importSettings: importSettings.get(connection.tenantId) ?? null,
    }));
    const answers = await this.deps.connections.testAndRecordPage(page, { forceRefresh: true, trigger: 'monitor' });
    const failed: string[] = [];
    let lastError: unknown;
    for (const answer of answers) {
      if ('error' in answer) {
        failed.push(answer.tenantId);
        lastError = answer.error;
        this.deps.logger.error({ err: answer.error, tenantId: answer.tenantId }, 'connection check could not run');
      } else if (answer.outcome.status !== 'connected') {
        this.deps.logger.warn(
          {
            tenantId: answer.tenantId,
            status: answer.outcome.status,
            failed: answer.outcome.result.checks.filter((c) => !c.ok).map((c) => c.id),
          },
          'connection check failed',
        );
      }
    }
    if (failed.length === 0) return;
    if (tenantIds.length === 1) throw lastError;
    await this.queueChecks(failed, 1);
  }
}
