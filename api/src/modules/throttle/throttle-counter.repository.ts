import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export function findThrottleEntries(db: Db, keys: string[]) {
  return db
    .selectFrom('loginThrottle')
    .select(['key', 'failures', 'windowStartedAt'])
    .where('key', 'in', keys)
    .execute();
}

/** Counts one failure for the key, starting a new window when the old one has passed. */
export async function recordThrottleFailure(db: Db, key: string, now: Date, windowStartCutoff: Date): Promise<void> {
  await db
    .insertInto('loginThrottle')
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        failures: sql`case when login_throttle.window_started_at <= ${windowStartCutoff} then 1 else login_throttle.failures + 1 end`,
        windowStartedAt: sql`case when login_throttle.window_started_at <= ${windowStartCutoff} then ${now} else login_throttle.window_started_at end`,
      }),
    )
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('loginThrottle').where('key', '=', key).execute();
}

export async function deleteStaleThrottleEntries(db: Db, windowStartCutoff: Date): Promise<void> {
  await db.deleteFrom('loginThrottle').where('windowStartedAt', '<=', windowStartCutoff).execute();
}
