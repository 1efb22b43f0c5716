import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Takes one try for each key in a single statement: a new or passed window starts at 1, a running window below
 * the key's limit counts up, and a window at its limit is left alone. Answers the keys whose try was taken, with
 * their window's start; a key missing from the answer is at its limit. Concurrent callers queue on the rows (in
 * the order of `keys`: callers that sort their keys cannot deadlock), so no more than `limit` get one.
 */
export async function takeThrottleTries(
  db: Db,
  keys: ReadonlyArray<{ key: string; limit: number }>,
  now: Date,
  windowStartCutoff: Date,
): Promise<Array<{ key: string; windowStartedAt: Date }>> {
  if (keys.length === 0) return [];
  const passed = sql<boolean>`throttle_counters.window_started_at <= ${windowStartCutoff}`;
  // ON CONFLICT's condition sees the row and `excluded`, not the values list: each key's limit by its name.
  const limitOf = sql<number>`case excluded.key ${sql.join(
    keys.map(({ key, limit }) => sql`when ${key}::text then ${limit}::integer`),
    sql` `,
  )} end`;
  return db
    .insertInto('throttleCounters')
    .values(keys.map(({ key }) => ({ key, failures: 1, windowStartedAt: now })))
    .onConflict((conflict) =>
      conflict
        .column('key')
        .doUpdateSet({
          failures: sql`case when ${passed} then 1 else throttle_counters.failures + 1 end`,
          windowStartedAt: sql`case when ${passed} then ${now} else throttle_counters.window_started_at end`,
        })
        .where((eb) => eb.or([passed, eb('throttleCounters.failures', '<', limitOf)])),
    )
    .returning(['key', 'windowStartedAt'])
    .execute();
}

/**
 * Gives back one try of each key, in the window it was taken in (a newer window is not touched); one statement for
 * all: a redemption gives back three.
 */
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

/**
 * Forgets every try of `clearKey` and gives back the other tries, in one statement (a redeemed MS365 code forgives
 * its session and gives the user's and the address' tries back).
 */
export async function clearAndGiveBackThrottleTries(
  db: Db,
  clearKey: string,
  tries: ReadonlyArray<{ key: string; windowStartedAt: Date }>,
): Promise<void> {
  const others = tries.filter((t) => t.key !== clearKey);
  if (others.length === 0) return clearThrottleCounter(db, clearKey);
  await db
    .with('cleared', (qc) => qc.deleteFrom('throttleCounters').where('key', '=', clearKey))
    .updateTable('throttleCounters')
    .set({ failures: sql`throttle_counters.failures - 1` })
    .where((eb) =>
      eb.or(others.map((t) => eb.and([eb('key', '=', t.key), eb('windowStartedAt', '=', t.windowStartedAt)]))),
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
