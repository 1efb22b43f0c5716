import type { Config } from '../config/config.js';
import { lockDataDir } from './data-dir-lock.js';
import { createDatabase, type DatabaseHandle } from './database.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface OpenDatabase extends DatabaseHandle {
  /** Where the data lives, for the start-up banner (never includes a password). */
  description: string;
}

/** Where the embedded database's server reports a client it had to cut off (idle transaction, broken protocol). */
export type EmbeddedProblemReporter = (message: string, error?: unknown) => void;

/**
 * DATABASE_URL when set; otherwise the embedded PGlite database in DATA_DIR, reached over the same pg driver,
 * with the folder locked for this process. `holder` names the process for a second one that finds it locked.
 */
export async function openDatabase(
  config: Config,
  holder = 'ecm365',
  onProblem: EmbeddedProblemReporter = (message, error) => console.error(`ecm365: ${message}`, error ?? ''),
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const handle = createDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
    const url = new URL(config.databaseUrl);
    return { ...handle, description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}` };
  }
  const lock = await lockDataDir(config.dataDir, holder);
  try {
    const embedded = await startEmbeddedPostgres(config.dataDir, { onProblem });
    const handle = createDatabase(embedded.connectionString, {
      poolSize: Math.min(config.databasePoolSize, 5),
      preparedStatements: false,
    });
    return {
      ...handle,
      description: `embedded PostgreSQL (PGlite) in ${config.dataDir}`,
      async close() {
        await handle.close();
        await embedded.stop();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
