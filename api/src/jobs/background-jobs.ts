import type pg from 'pg';
import type { Services } from '../services.js';
import { ApiTokenGroupCheckJob } from './api-token-group-check-job.js';
import { HealthMonitor } from './health-monitor.js';
import { InvoiceImportJobs } from './invoice-import-jobs.js';
import { Housekeeping } from './housekeeping.js';
import { createJobQueue } from './job-queue.js';
import { SessionGroupCheckJob } from './session-group-check-job.js';

export interface BackgroundJobs {
  monitor: HealthMonitor | undefined;
  housekeeping: Housekeeping;
  stop(): Promise<void>;
}

/**
 * Starts the job queue with housekeeping, the sessions' and API tokens' group re-checks, the invoice import's
 * rounds, the event relay and, unless switched off, the connection health monitor.
 */
export async function startBackgroundJobs(pool: pg.Pool, services: Services): Promise<BackgroundJobs> {
  const { config, db, clock, logger } = services;
  const boss = createJobQueue(pool, logger);
  const monitor = config.healthMonitor.enabled
    ? new HealthMonitor(
        boss,
        { db, connections: services.connection, clock, logger },
        { concurrency: config.healthMonitor.concurrency },
      )
    : undefined;
  const housekeeping = new Housekeeping(boss, { db, sessions: services.sessions, clock, logger });
  const groupChecks = new SessionGroupCheckJob(boss, { checks: services.groupChecks, logger });
  const imports = new InvoiceImportJobs(
    boss,
    { db, clock, logger, rounds: services.importRound, imports: services.invoiceImport },
    { concurrency: config.invoiceImport.concurrency },
  );
  const tokenGroupChecks = new ApiTokenGroupCheckJob(boss, { checks: services.tokenGroupChecks, logger });
  await boss.start();
  await monitor?.start();
  await housekeeping.start();
  await groupChecks.start();
  await imports.start();
  await tokenGroupChecks.start();
  await services.relay.start(boss);
  return {
    monitor,
    housekeeping,
    stop: async () => {
      await imports.stop();
      await services.relay.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
