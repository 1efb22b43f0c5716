import type { Db } from '../../../db/database.js';
import { lockConnectionReadingTokenCache, unlockConnection } from './connection.repository.js';

/**
 * Serialises token refreshes of one connection, so that a rotated refresh token is never lost to a race: an
 * in-process queue per tenant (enough for one instance, and the only guard on the embedded database, whose
 * single session makes advisory locks re-entrant), plus a Postgres advisory lock across app instances.
 */
export class ConnectionLock {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly db: Db) {}

  /**
   * Runs `work` while holding the connection's lock. `work` gets the database connection that holds the lock
   * and must do its queries over it: asking the pool for a second one while holding the first could exhaust the
   * pool when as many connections refresh at once as the pool is large. It also gets the connection's encrypted
   * token cache as committed when the lock was taken (undefined: no connection), read with the lock.
   */
  run<T>(tenantId: string, work: (locked: Db, tokenCache: string | undefined) => Promise<T>): Promise<T> {
    const previous = this.queues.get(tenantId) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => this.withAdvisoryLock(tenantId, work));
    this.queues.set(tenantId, next);
    void next
      .finally(() => {
        if (this.queues.get(tenantId) === next) this.queues.delete(tenantId);
      })
      .catch(() => {});
    return next;
  }

  private withAdvisoryLock<T>(
    tenantId: string,
    work: (locked: Db, tokenCache: string | undefined) => Promise<T>,
  ): Promise<T> {
    return this.db.connection().execute(async (connection) => {
      const tokenCache = await lockConnectionReadingTokenCache(connection, tenantId);
      try {
        return await work(connection, tokenCache);
      } finally {
        await unlockConnection(connection, tenantId).catch(() => {
          // The lock dies with its connection; a failed unlock only means the connection is gone already.
        });
      }
    });
  }
}
