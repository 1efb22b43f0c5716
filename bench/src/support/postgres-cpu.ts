import type { DatabaseHandle } from '../../../api/src/db/database.js';
import { processCpuMs } from './machine-load.js';

type Pool = DatabaseHandle['pool'];

/** CPU ms of each server process (backend) serving the database `db` is connected to, by pid. */
async function backendCpu(pool: Pool): Promise<Map<number, number>> {
  // pool.query: not through Kysely, so the bench's query meter does not count it.
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database()',
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) cpu.set(pid, ms);
  }
  return cpu;
}

/**
 * The CPU time PostgreSQL spends for the app (its backends of the bench's database) over a window: each round trip
 * the app saves saves work there too, on the same two cores. Only where PostgreSQL runs on this machine (/proc); a
 * backend that started in the window counts whole, one that ended in it is missed (the pool keeps its connections).
 */
export async function meterPostgresCpu(pool: Pool): Promise<{ stop(): Promise<number | undefined> }> {
  const before = await backendCpu(pool);
  return {
    async stop() {
      const after = await backendCpu(pool);
      if (after.size === 0) return undefined;
      let total = 0;
      for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
      return total;
    },
  };
}
