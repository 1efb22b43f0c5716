import { migrationProvider } from '@ecm365/migrations';
import { Migrator, type MigrationResultSet } from 'kysely';
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

/** Brings the schema to the newest migration. Safe to run from several processes: Kysely takes a lock. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  return unwrap(await new Migrator({ db, provider: migrationProvider }).migrateToLatest());
}

export async function migrateDown(db: Db): Promise<MigrationReport> {
  return unwrap(await new Migrator({ db, provider: migrationProvider }).migrateDown());
}

/** Names of migrations the code knows but the database has not applied yet (for readiness checks). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  return all.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}
