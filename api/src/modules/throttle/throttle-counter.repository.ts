import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { executePrepared } from '../../db/prepared-statements.js';

/*
 * The statements on every request that counts tries (each connect attempt, redemption and test, every login) are
 * `sql` templates of a fixed text: building and compiling them with Kysely's query builder (and its camel-case
 * plugin) was a visible share of the connect flow's CPU (issue 13). Their texts are fixed whatever the number of
 * keys, so they run as prepared statements (parsed and planned once per connection).
 */

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
  return (await executePrepared(db, throttleTriesTake(keys, now, windowStartCutoff))).rows;
}

/**
 * The statement of `takeThrottleTries`, built, not executed: for a caller that takes a try in a statement of its
 * own (a data-modifying CTE whose write happens only when the try was taken: one round trip instead of two).
 */
export function throttleTriesTake(
  keys: ReadonlyArray<{ key: string; limit: number }>,
  now: Date,
  windowStartCutoff: Date,
) {
  const names = keys.map(({ key }) => key);
  // ON CONFLICT's condition sees the row and `excluded`, not the input rows: each key's limit by its position.
  return sql<{ key: string; windowStartedAt: Date }>`
    insert into throttle_counters as counter (key, failures, window_started_at)
    select input.key, 1, ${now}::timestamptz
    from unnest(${names}::text[]) with ordinality as input(key, position)
    order by input.position
    on conflict (key) do update set
      failures = case when counter.window_started_at <= ${windowStartCutoff}::timestamptz then 1
        else counter.failures + 1 end,
      window_started_at = case when counter.window_started_at <= ${windowStartCutoff}::timestamptz
        then ${now}::timestamptz else counter.window_started_at end
    where counter.window_started_at <= ${windowStartCutoff}::timestamptz
      or counter.failures < (${keys.map(({ limit }) => limit)}::integer[])[array_position(${names}::text[], excluded.key)]
    returning key, window_started_at`;
}

/** `tries` as the two arrays the statements below take. */
function triesInput(tries: ReadonlyArray<{ key: string; windowStartedAt: Date }>) {
  return sql`unnest(${tries.map((t) => t.key)}::text[], ${tries.map((t) => t.windowStartedAt.toISOString())}::timestamptz[])
    as given(key, window_started_at)`;
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
  await executePrepared(
    db,
    sql`
      update throttle_counters as counter set failures = counter.failures - 1
      from ${triesInput(tries)}
      where counter.key = given.key and counter.window_started_at = given.window_started_at and counter.failures > 0`,
  );
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
  await executePrepared(
    db,
    sql`
      with cleared as (delete from throttle_counters where key = ${clearKey})
      update throttle_counters as counter set failures = counter.failures - 1
      from ${triesInput(others)}
      where counter.key = given.key and counter.window_started_at = given.window_started_at and counter.failures > 0`,
  );
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
