import { migrationProvider, migrations } from '@ecm365/migrations';
import { DEFAULT_MIGRATION_TABLE, Migrator, sql, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';

export interface MigrationReport {
  applied: string[];
}

function unwrap(result: MigrationResultSet): MigrationReport {
  if (result.error) {
    const failed = result.results?.find((step) => step.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? ''} failed: ${(result.error as Error).message ?? String(result.error)}`);
  }
  return { applied: (result.results ?? []).map((step) => step.migrationName) };
}

/**
 * Names of the migrations the database has applied, in the order applied; undefined when it has no migration table
 * (a new database). Two queries on Kysely's own table, where Kysely's Migrator would create its tables if missing,
 * open a transaction, take its lock and read the table: about ten statements on every start (issue 13).
 */
async function appliedMigrations(db: Db): Promise<string[] | undefined> {
  const table = await sql<{
    exists: boolean;
  }>`select to_regclass(${DEFAULT_MIGRATION_TABLE}) is not null as exists`.execute(db);
  if (!table.rows[0]?.exists) return undefined;
  const rows = await sql<{
    name: string;
  }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)} order by timestamp, name`.execute(db);
  return rows.rows.map((row) => row.name);
}

/** Whether the database has applied exactly the migrations this code knows, in the code's order. */
async function schemaIsCurrent(db: Db): Promise<boolean> {
  const applied = await appliedMigrations(db);
  const known = Object.keys(migrations);
  return applied !== undefined && applied.length === known.length && applied.every((name, i) => name === known[i]);
}

/**
 * Brings the schema to the newest migration. Safe to run from several processes: Kysely takes a lock. A database
 * that already has exactly the code's migrations is left alone without the Migrator (nothing to run, so nothing to
 * lock); anything else — a pending migration, one the code does not know — goes through the Migrator as before,
 * under its lock, and it decides (runs what is pending, refuses unknown ones).
 */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  if (await schemaIsCurrent(db)) return { applied: [] };
  return unwrap(await new Migrator({ db, provider: migrationProvider }).migrateToLatest());
}

export async function migrateDown(db: Db): Promise<MigrationReport> {
  return unwrap(await new Migrator({ db, provider: migrationProvider }).migrateDown());
}

/** Migrates up or down until `name` is the last migration applied (tests of one migration over older data). */
export async function migrateTo(db: Db, name: string): Promise<MigrationReport> {
  return unwrap(await new Migrator({ db, provider: migrationProvider }).migrateTo(name));
}

/** Names of migrations the code knows but the database has not applied yet (for readiness checks). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  // The usual answer (none) in two small queries; the Migrator only to name what is pending.
  if (await schemaIsCurrent(db)) return [];
  const all = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  return all.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}
