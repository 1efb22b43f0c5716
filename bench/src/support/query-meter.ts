import type { DatabaseHandle } from '../../../api/src/db/database.js';

type Pool = DatabaseHandle['pool'];
/** The one method of a pg client that is wrapped (its overloads do not matter here). */
interface PoolClient {
  query: (...args: unknown[]) => unknown;
}

export interface QueryCounts {
  /** Queries sent by Kysely (pool clients checked out by the app's code; pg-boss' pool.query is not counted). */
  queries: number;
  /** Sum of the time from sending each query to its result, ms. */
  queryMs: number;
  /** Waits for a pool connection, and their sum in ms. */
  checkouts: number;
  checkoutMs: number;
}

/**
 * Counts and times the app's queries from outside the code under test, by wrapping the checkout of its pg pool
 * (Kysely checks a client out for every query). Read-only instrumentation for the report; `reset()` between
 * phases.
 */
export function meterQueries(pool: Pool) {
  let counts: QueryCounts = { queries: 0, queryMs: 0, checkouts: 0, checkoutMs: 0 };
  const metered = new WeakSet<PoolClient>();
  /** Statements by text (BENCH_QUERY_TALLY): which ones a flow runs, and how often. */
  const tally = new Map<string, number>();
  const meter = (client: PoolClient): PoolClient => {
    if (metered.has(client)) return client;
    metered.add(client);
    const query = client.query.bind(client);
    client.query = (...args: unknown[]) => {
      const result = query(...args);
      if (!(result instanceof Promise)) return result;
      const started = performance.now();
      counts.queries += 1;
      if (process.env.BENCH_QUERY_TALLY) {
        const text = String((args[0] as { text?: string })?.text ?? args[0])
          .replace(/\s+/g, ' ')
          .slice(0, 160);
        tally.set(text, (tally.get(text) ?? 0) + 1);
      }
      return result.finally(() => {
        counts.queryMs += performance.now() - started;
      });
    };
    return client;
  };
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    // pool.query() checks out with a callback (pg-boss uses it): passed through unmetered.
    if (args.length > 0) return connect(...args);
    const started = performance.now();
    return (connect() as Promise<PoolClient>).then((client) => {
      counts.checkouts += 1;
      counts.checkoutMs += performance.now() - started;
      return meter(client);
    });
  };
  return {
    reset() {
      counts = { queries: 0, queryMs: 0, checkouts: 0, checkoutMs: 0 };
      tally.clear();
    },
    read: (): QueryCounts => ({ ...counts }),
    tally: () => [...tally].sort((a, b) => b[1] - a[1]),
  };
}
