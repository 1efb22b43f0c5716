import { sql } from 'kysely';
import type { Db } from './database.js';
import { pendingMigrations } from './migrate.js';

export interface DatabaseReadiness {
  database: 'ok' | 'unreachable';
  migrations: 'ok' | 'pending' | 'unknown';
}

/**
 * Whether the database can serve this code: reachable, and every migration the code knows applied. Checking the
 * migrations reads the schema; once they are all applied they stay so for the life of the process (the code's
 * migrations do not change while it runs, and rolling one back is an operator's step done with the app stopped),
 * so later probes only ping the database.
 */
export class ReadinessProbe {
  private schemaCurrent = false;

  constructor(private readonly db: Db) {}

  async check(): Promise<DatabaseReadiness> {
    try {
      if (this.schemaCurrent) {
        await sql`select 1`.execute(this.db);
        return { database: 'ok', migrations: 'ok' };
      }
      this.schemaCurrent = (await pendingMigrations(this.db)).length === 0;
      return { database: 'ok', migrations: this.schemaCurrent ? 'ok' : 'pending' };
    } catch {
      return { database: 'unreachable', migrations: this.schemaCurrent ? 'ok' : 'unknown' };
    }
  }
}
