import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, Db } from '../../../db/database.js';
import { executePrepared } from '../../../db/prepared-statements.js';
import { supportMailKeySql, type SupportMailState } from '../../notifications/support-mail.js';
import type { ConnectionRow, Ms365ConnectionsTable, TenantFeatureRow } from '../ms365.tables.js';

/** The connection's columns the status view shows (connection-view.ts): not its tokens, not its MSAL cache. */
export type ConnectionStatusRow = Pick<
  ConnectionRow,
  | 'tenantId'
  | 'status'
  | 'accountUsername'
  | 'accountDisplayName'
  | 'microsoftTenantId'
  | 'scopes'
  | 'connectedAt'
  | 'connectedBy'
  | 'lastTest'
  | 'lastCheckedAt'
  | 'nextCheckAt'
  | 'lastFailure'
>;

/** Everything the status read shows, from one query. */
export interface ConnectionStatusRows {
  connection: ConnectionStatusRow | undefined;
  features: Array<Pick<TenantFeatureRow, 'featureId' | 'enabled' | 'mailbox'>>;
  /** The support mail of the current set-up, if one was queued. */
  supportMail: SupportMailState | undefined;
}

/**
 * The status read (GET /ms365/connection) in one round trip: the connection row, the tenant's feature settings
 * (aggregated) and the support mail of the current set-up (by its unique key). Three queries before; under load
 * their round trips and the builder's compile time were most of the uncached read (issue 13). The columns are
 * named, not `c.*`: the row's encrypted token cache (kilobytes) travelled and was parsed on every read for
 * nothing, and a fixed column list lets the statement be prepared.
 */
export async function findConnectionStatus(db: Db, tenantId: string): Promise<ConnectionStatusRows> {
  const result = await executePrepared(
    db,
    sql<
      Partial<ConnectionStatusRow> & {
        features: ConnectionStatusRows['features'];
        supportStatus: SupportMailState['status'] | null;
        supportCreatedAt: Date | null;
        supportSentAt: Date | null;
      }
    >`
    select c.tenant_id, c.status, c.account_username, c.account_display_name, c.microsoft_tenant_id, c.scopes,
      c.connected_at, c.connected_by, c.last_test, c.last_checked_at, c.next_check_at, c.last_failure,
      coalesce((select json_agg(json_build_object('feature_id', f.feature_id, 'enabled', f.enabled, 'mailbox', f.mailbox))
        from tenant_features f where f.tenant_id = t.id), '[]'::json) as features,
      m.status as support_status, m.created_at as support_created_at, m.sent_at as support_sent_at
    from (select ${tenantId}::uuid as id) t
    left join ms365_connections c on c.tenant_id = t.id
    left join notification_mails m on c.tenant_id is not null
      and m.dedupe_key = ${supportMailKeySql('c.tenant_id', 'c.connected_at')}`,
  );
  const row = result.rows[0];
  if (!row) return { connection: undefined, features: [], supportMail: undefined };
  const { features, supportStatus, supportCreatedAt, supportSentAt, ...connection } = row;
  return {
    connection: connection.tenantId ? (connection as ConnectionStatusRow) : undefined,
    features,
    supportMail:
      supportStatus && supportCreatedAt
        ? { status: supportStatus, createdAt: supportCreatedAt, sentAt: supportSentAt }
        : undefined,
  };
}

/** The feature settings of the tenant in column `tenantId`, as a JSON array (a test starts from them). */
const featuresOf = (tenantId: string) => sql<ConnectionStatusRows['features']>`coalesce((select json_agg(
  json_build_object('feature_id', f.feature_id, 'enabled', f.enabled, 'mailbox', f.mailbox))
  from tenant_features f where f.tenant_id = ${sql.ref(tenantId)}), '[]'::json)`;

/**
 * The connection row with the tenant's feature settings, in one round trip: what a connection test starts from
 * (two queries before, issue 13).
 */
export async function findConnectionForTest(
  db: Db,
  tenantId: string,
): Promise<{ connection: ConnectionRow; features: ConnectionStatusRows['features'] } | undefined> {
  const result = await sql<ConnectionRow & { features: ConnectionStatusRows['features'] }>`
    select c.*, ${featuresOf('c.tenant_id')} as features
    from ms365_connections c where c.tenant_id = ${tenantId}`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { features, ...connection } = row;
  return { connection, features };
}

export function findConnection(db: Db, tenantId: string): Promise<ConnectionRow | undefined> {
  return db.selectFrom('ms365Connections').selectAll().where('tenantId', '=', tenantId).executeTakeFirst();
}

/** The connections of several tenants in one query (the health monitor's page of checks); gone ones are missing. */
export function findConnections(db: Db, tenantIds: readonly string[]): Promise<ConnectionRow[]> {
  if (tenantIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('ms365Connections').selectAll().where('tenantId', 'in', tenantIds).execute();
}

/** Stores the tenant's connection, replacing an earlier one (re-setup). */
/**
 * Stores a connection just set up (a new one, or replacing the tenant's) and answers it as a test starts from it,
 * with the tenant's feature settings: the redemption tests it next without reading it again.
 */
export async function upsertConnection(
  trx: Transaction<Database>,
  row: Insertable<Ms365ConnectionsTable>,
): Promise<{ connection: ConnectionRow; features: ConnectionStatusRows['features'] }> {
  const { tenantId: _tenantId, ...changes } = row;
  const stored = await trx
    .insertInto('ms365Connections')
    .values(row)
    .onConflict((conflict) => conflict.column('tenantId').doUpdateSet(changes))
    .returningAll()
    .returning(featuresOf('ms365Connections.tenantId').as('features'))
    .executeTakeFirstOrThrow();
  const { features, ...connection } = stored;
  return { connection, features };
}

/** Deletes the tenant's connection; answers the row that was deleted, if any. */
export function deleteConnection(db: Db, tenantId: string): Promise<ConnectionRow | undefined> {
  return db.deleteFrom('ms365Connections').where('tenantId', '=', tenantId).returningAll().executeTakeFirst();
}

/** What a test's events report about the connection as it was before the result (events/connection-events.ts). */
export type ConnectionFactsRow = Omit<
  ConnectionStatusRow,
  'lastTest' | 'lastCheckedAt' | 'nextCheckAt' | 'lastFailure'
>;

/** A test's result as stored on its connection. */
export interface TestResultUpdate {
  tenantId: string;
  status: ConnectionRow['status'];
  /** JSON of the result. */
  lastTest: string;
  at: Date;
  nextCheckAt: Date | null;
  /** JSON of the failure; null keeps the last one. */
  lastFailure: string | null;
}

/** A stored test result: the connection before it (locked), as the result left it, and its set-up's support mail. */
export interface StoredTestResult {
  /** The row as it was before the result, locked until the transaction ends. */
  before: ConnectionFactsRow;
  /** The row's status columns as the result left them: what the status read shows after the commit. */
  after: ConnectionStatusRow;
  /**
   * The support mail of the connection's set-up as the statement found it; undefined when none was queued then
   * (a transaction that committed one while this statement waited for the row lock is not seen).
   */
  supportMail: SupportMailState | undefined;
}

/**
 * Stores the test results of several connections (the health monitor's page; one row for a test on request) and
 * answers their rows as they were before, locked until the transaction ends: the test's events are written under
 * that lock, so a change of status is reported exactly once. It answers the rows as the results left them, with
 * the set-up's support mail, too: the test's answer shows the connection without reading it again, and a mail
 * already queued is not queued again (a statement each, issue 13). One prepared statement, the same text whatever
 * the page's size (it was a locking read and an update). The rows are locked in tenant order by the read the
 * update draws from, so two transactions over overlapping pages never wait for each other in a circle; a
 * connection removed while its test ran is missing from the answer and nothing is written for it.
 */
export async function storeTestResults(
  trx: Transaction<Database>,
  results: readonly TestResultUpdate[],
): Promise<StoredTestResult[]> {
  if (results.length === 0) return [];
  const result = await executePrepared(
    trx,
    sql<
      ConnectionFactsRow &
        Pick<ConnectionStatusRow, 'lastTest' | 'lastCheckedAt' | 'nextCheckAt' | 'lastFailure'> & {
          storedStatus: ConnectionStatusRow['status'];
          supportStatus: SupportMailState['status'] | null;
          supportCreatedAt: Date | null;
          supportSentAt: Date | null;
        }
    >`
      with before as (
        select tenant_id, status, account_username, account_display_name, microsoft_tenant_id, scopes, connected_at,
          connected_by
        from ms365_connections where tenant_id = any(${results.map((r) => r.tenantId)}::uuid[])
        order by tenant_id for update
      ), stored as (
        update ms365_connections c set status = v.status, last_test = v.last_test, last_checked_at = v.at,
          next_check_at = v.next_check_at, last_failure = coalesce(v.last_failure, c.last_failure), updated_at = v.at
        from before b join unnest(${results.map((r) => r.tenantId)}::uuid[], ${results.map((r) => r.status)}::text[],
          ${results.map((r) => r.lastTest)}::jsonb[], ${results.map((r) => r.at.toISOString())}::timestamptz[],
          ${results.map((r) => r.nextCheckAt?.toISOString() ?? null)}::timestamptz[],
          ${results.map((r) => r.lastFailure)}::jsonb[]) as v(tenant_id, status, last_test, at, next_check_at, last_failure)
          on v.tenant_id = b.tenant_id
        where c.tenant_id = b.tenant_id
        returning c.tenant_id, c.status, c.last_test, c.last_checked_at, c.next_check_at, c.last_failure
      )
      select before.*, s.status as stored_status, s.last_test, s.last_checked_at, s.next_check_at, s.last_failure,
        m.status as support_status, m.created_at as support_created_at, m.sent_at as support_sent_at
      from before join stored s using (tenant_id)
      left join notification_mails m on m.dedupe_key = ${supportMailKeySql('before.tenant_id', 'before.connected_at')}
      order by tenant_id`,
  );
  return result.rows.map((row) => {
    const { storedStatus, lastTest, lastCheckedAt, nextCheckAt, lastFailure, ...rest } = row;
    const { supportStatus, supportCreatedAt, supportSentAt, ...before } = rest;
    return {
      before,
      after: { ...before, status: storedStatus, lastTest, lastCheckedAt, nextCheckAt, lastFailure },
      supportMail:
        supportStatus && supportCreatedAt
          ? { status: supportStatus, createdAt: supportCreatedAt, sentAt: supportSentAt }
          : undefined,
    };
  });
}

export function listConnectionSecrets(db: Db) {
  return db.selectFrom('ms365Connections').select(['tenantId', 'tokenCache']).execute();
}

/** The name of a connection's refresh lock; every instance and version must use the same one. */
const lockKeyOf = (tenantId: string) => `ms365-connection:${tenantId}`;

/**
 * Session-level advisory lock for one connection's token refresh, held on a dedicated connection across the
 * call to Microsoft (a transaction-level lock would keep a transaction open for that long). Answers the
 * connection's encrypted MSAL cache as committed once the lock is held (undefined: no connection), in the same
 * round trip: `ms365_lock_connection` (migration 202612031800) reads after its lock wait, with a snapshot of its
 * own. Lock with read, the cache's compare-and-set and the unlock are every forced refresh's three statements (the
 * health monitor runs one per check; four before, issue 13): prepared, PostgreSQL parses and plans each once per
 * connection.
 */
export async function lockConnectionReadingTokenCache(
  conn: Kysely<Database>,
  tenantId: string,
): Promise<string | undefined> {
  const result = await executePrepared(
    conn,
    sql<{
      tokenCache: string | null;
    }>`select ms365_lock_connection(${lockKeyOf(tenantId)}, ${tenantId}::uuid) as token_cache`,
  );
  return result.rows[0]?.tokenCache ?? undefined;
}

export async function unlockConnection(conn: Kysely<Database>, tenantId: string): Promise<void> {
  await executePrepared(conn, sql`select pg_advisory_unlock(hashtextextended(${lockKeyOf(tenantId)}, 0))`);
}

/** The connection's encrypted MSAL cache, if the connection exists (read under its lock). */
export async function findConnectionTokenCache(db: Db, tenantId: string): Promise<string | undefined> {
  const result = await executePrepared(
    db,
    sql<{ tokenCache: string }>`select token_cache from ms365_connections where tenant_id = ${tenantId}`,
  );
  return result.rows[0]?.tokenCache;
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
  const result = await executePrepared(
    db,
    sql`update ms365_connections set token_cache = ${next}, updated_at = ${now}
      where tenant_id = ${tenantId} and token_cache = ${expected}`,
  );
  return (result.numAffectedRows ?? 0n) > 0n;
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
