import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { databaseUrl, withAdminClient } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * Creates one migrated template database for the run; every test file clones it (CREATE DATABASE … TEMPLATE),
 * which is fast and keeps files isolated from each other while they run in parallel.
 */
export default async function setup(project: TestProject) {
  const template = `ecm365_tpl_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${template}`));
  const handle = createDatabase(databaseUrl(template), { poolSize: 1 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  project.provide('templateDatabase', template);
  return async () => {
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  };
}
