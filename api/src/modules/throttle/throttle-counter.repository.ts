import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Takes one try for the key in a single statement: a new or passed window starts at 1, a running window below
 * `limit` counts up, and a window at its limit is left alone. Answers the window's start when the try was taken,
 * undefined when the key is at its limit. Concurrent callers queue on the row, so no more than `limit` get one.
 */
export async function takeThrottleTry(
  db: Db,
  key: string,
  limit: number,
  now: Date,
  windowStartCutoff: Date,
): Promise<Date | undefined> {
  const passed = sql<boolean>`throttle_counters.window_started_at <= ${windowStartCutoff}`;
  const row = await db
    .insertInto('throttleCounters')
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflict((conflict) =>
      conflict
        .column('key')
        .doUpdateSet({
          failures: sql`case when ${passed} then 1 else throttle_counters.failures + 1 end`,
          windowStartedAt: sql`case when ${passed} then ${now} else throttle_counters.window_started_at end`,
        })
        .where((eb) => eb.or([passed, eb('throttleCounters.failures', '<', limit)])),
    )
    .returning('windowStartedAt')
    .executeTakeFirst();
  return row?.windowStartedAt;
}

/** Gives back one try taken in the window that started at `windowStartedAt` (a newer window is not touched). */
/** Gives back one try of each key, in its window (one statement for all: a redemption gives back three). */
export async function giveBackThrottleTries(
  db: Db,
  tries: ReadonlyArray<{ key: string; windowStartedAt: Date }>,
): Promise<void> {
  if (tries.length === 0) return;
  await db
    .updateTable('throttleCounters')
    .set({ failures: sql`throttle_counters.failures - 1` })
    .where((eb) =>
      eb.or(tries.map((t) => eb.and([eb('key', '=', t.key), eb('windowStartedAt', '=', t.windowStartedAt)]))),
    )
    .where('failures', '>', 0)
    .execute();
}

export function findThrottleWindowStart(db: Db, key: string): Promise<{ windowStartedAt: Date } | undefined> {
  return db.selectFrom('throttleCounters').select('windowStartedAt').where('key', '=', key).executeTakeFirst();
}

export async function clearThrottleCounter(db: Db, key: string): Promise<void> {
  await db.deleteFrom('throttleCounters').where('key', '=', key).execute();
}

export async function deleteStaleThrottleCounters(db: Db, windowStartCutoff: Date): Promise<void> {
  await db.deleteFrom('throttleCounters').where('windowStartedAt', '<=', windowStartCutoff).execute();
}
