import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export function findThrottleCounters(db: Db, keys: string[]) {
  return db
    .selectFrom('throttleCounters')
    .select(['key', 'failures', 'windowStartedAt'])
    .where('key', 'in', keys)
    .execute();
}

/** Counts one failure for the key, starting a new window when the old one has passed. */
export async function incrementThrottleCounter(db: Db, key: string, now: Date, windowStartCutoff: Date): Promise<void> {
  await db
    .insertInto('throttleCounters')
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        failures: sql`case when throttle_counters.window_started_at <= ${windowStartCutoff} then 1 else throttle_counters.failures + 1 end`,
        windowStartedAt: sql`case when throttle_counters.window_started_at <= ${windowStartCutoff} then ${now} else throttle_counters.window_started_at end`,
      }),
    )
    .execute();
}

export async function clearThrottleCounter(db: Db, key: string): Promise<void> {
  await db.deleteFrom('throttleCounters').where('key', '=', key).execute();
}

export async function deleteStaleThrottleCounters(db: Db, windowStartCutoff: Date): Promise<void> {
  await db.deleteFrom('throttleCounters').where('windowStartedAt', '<=', windowStartCutoff).execute();
}
