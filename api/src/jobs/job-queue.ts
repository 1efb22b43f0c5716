import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Logger } from 'pino';

/**
 * pg-boss over the app's own pg pool: jobs and schedules live in Postgres (schema `pgboss`), so several app
 * instances share the work, and jobs survive restarts. The same pool works for the embedded database.
 */
export function createJobQueue(pool: pg.Pool, logger: Logger): PgBoss {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: 'pgboss',
    // Finished jobs are kept a week for inspection, then removed by pg-boss' own maintenance.
    deleteAfterDays: 7,
  });
  boss.on('error', (error) => logger.warn({ err: error }, 'job queue error'));
  return boss;
}
