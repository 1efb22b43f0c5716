import { randomBytes } from 'node:crypto';
import { adminDatabaseUrl, databaseUrl, withAdminClient } from '../../../api/test/support/postgres.js';
import { onInterrupt } from './cleanup.js';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own on the machine's PostgreSQL (127.0.0.1:5432, user postgres; TEST_DATABASE_URL overrides,
 * as for the tests). Empty: the app under bench migrates it like at start-up. Dropped afterwards, also on Ctrl-C.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `ecm365_bench_${randomBytes(5).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const drop = () =>
    withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {});
  const unregister = onInterrupt(drop);
  return {
    url: databaseUrl(name),
    async drop() {
      unregister();
      await drop();
    },
  };
}

/** Where the databases live, for the report (without a password). */
export function postgresServer(): string {
  const url = new URL(adminDatabaseUrl);
  return `${url.hostname}:${url.port || 5432}`;
}
