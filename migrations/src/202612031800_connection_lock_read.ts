import { sql, type Kysely } from 'kysely';

/**
 * `ms365_lock_connection(lock_key, tenant)`: takes a connection's refresh lock (the session-level advisory lock the
 * app names `lock_key`) and answers the connection's token cache as committed once the lock is held, in one round
 * trip. Every forced refresh (one per health check) locked, then read the cache: two of its four statements (issue
 * 13). A plain `select pg_advisory_lock(…), (select token_cache …)` would not do: a statement reads with the
 * snapshot of its start, taken before it waited for the lock, so it could read the cache the previous holder
 * replaced. A VOLATILE function takes a fresh snapshot for each query it runs (PostgreSQL manual, "Function
 * Volatility Categories"), so its read sees what the previous holder committed before it let go.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function ms365_lock_connection(lock_key text, connection_tenant_id uuid) returns text
    language plpgsql volatile
    as $$
    begin
      perform pg_advisory_lock(hashtextextended(lock_key, 0));
      return (select token_cache from ms365_connections where tenant_id = connection_tenant_id);
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function ms365_lock_connection(text, uuid)`.execute(db);
}
