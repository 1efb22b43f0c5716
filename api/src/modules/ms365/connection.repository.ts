import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import type { ConnectionRow, Ms365ConnectionsTable } from './ms365.tables.js';

export function findConnection(db: Db, tenantId: string): Promise<ConnectionRow | undefined> {
  return db.selectFrom('ms365Connections').selectAll().where('tenantId', '=', tenantId).executeTakeFirst();
}

/** Stores the tenant's connection, replacing an earlier one (re-setup). */
export async function upsertConnection(
  trx: Transaction<Database>,
  row: Insertable<Ms365ConnectionsTable>,
): Promise<void> {
  const { tenantId: _tenantId, ...changes } = row;
  await trx
    .insertInto('ms365Connections')
    .values(row)
    .onConflict((conflict) => conflict.column('tenantId').doUpdateSet(changes))
    .execute();
}

export async function updateConnection(
  db: Db,
  tenantId: string,
  changes: Omit<Updateable<Ms365ConnectionsTable>, 'tenantId'>,
): Promise<boolean> {
  const result = await db
    .updateTable('ms365Connections')
    .set(changes)
    .where('tenantId', '=', tenantId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes the tenant's connection; answers the row that was deleted, if any. */
export function deleteConnection(db: Db, tenantId: string): Promise<ConnectionRow | undefined> {
  return db.deleteFrom('ms365Connections').where('tenantId', '=', tenantId).returningAll().executeTakeFirst();
}

/** The connection row, locked until the transaction ends (a test result and its events are written under it). */
export function lockConnectionRow(trx: Transaction<Database>, tenantId: string): Promise<ConnectionRow | undefined> {
  return trx.selectFrom('ms365Connections').selectAll().where('tenantId', '=', tenantId).forUpdate().executeTakeFirst();
}

export function listConnectionSecrets(db: Db) {
  return db.selectFrom('ms365Connections').select(['tenantId', 'tokenCache']).execute();
}

/**
 * Session-level advisory lock for one connection's token refresh, held on a dedicated connection across the
 * call to Microsoft (a transaction-level lock would keep a transaction open for that long).
 */
export async function lockConnection(conn: Kysely<Database>, tenantId: string): Promise<void> {
  await sql`select pg_advisory_lock(hashtextextended(${`ms365-connection:${tenantId}`}, 0))`.execute(conn);
}

export async function unlockConnection(conn: Kysely<Database>, tenantId: string): Promise<void> {
  await sql`select pg_advisory_unlock(hashtextextended(${`ms365-connection:${tenantId}`}, 0))`.execute(conn);
}

/**
 * Stores a token cache only if the row still holds `expected` (compare-and-set): a connection that was replaced
 * (set up again) or re-encrypted meanwhile is never overwritten with a cache read before that happened.
 */
export async function replaceConnectionTokenCache(
  db: Db,
  tenantId: string,
  expected: string,
  next: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('ms365Connections')
    .set({ tokenCache: next, updatedAt: now })
    .where('tenantId', '=', tenantId)
    .where('tokenCache', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countConnectionsByStatus(db: Db): Promise<Array<{ status: string; count: number }>> {
  const rows = await db
    .selectFrom('ms365Connections')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .groupBy('status')
    .execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}

/**
 * Claims up to `limit` connections whose check is due, pushing their next check to `leaseUntil` so no other sweep
 * (or app instance) picks them again while their check runs; the check itself then sets the real next time.
 */
export async function claimDueConnections(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
  const result = await sql<{ tenantId: string }>`
    update ms365_connections set next_check_at = ${leaseUntil}
    where tenant_id in (
      select tenant_id from ms365_connections
      where next_check_at is null or next_check_at <= ${now}
      order by next_check_at nulls first
      limit ${limit}
      for update skip locked)
    returning tenant_id`.execute(db);
  return result.rows.map((row) => row.tenantId);
}
