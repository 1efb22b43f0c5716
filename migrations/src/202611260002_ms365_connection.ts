import { sql, type Kysely } from 'kysely';

/**
 * The Microsoft 365 connection (issue "Microsoft 365 connection"): connect attempts with their one-time MS365
 * code, the tenant's connection with its encrypted MSAL token cache, and per-tenant feature settings.
 * The login throttle becomes a general counter table (code redemption uses it too).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('login_throttle').renameTo('throttle_counters').execute();

  await db.schema
    .createTable('ms365_attempts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('elo_user_id', 'text', (col) => col.notNull())
    .addColumn('elo_user_name', 'text', (col) => col.notNull())
    // 'session:<hash of the session id>' or 'token:<api token id>': only that principal sees the code.
    .addColumn('principal_key', 'text', (col) => col.notNull())
    .addColumn('state_hash', 'text', (col) => col.notNull().unique())
    .addColumn('return_origin', 'text', (col) => col.notNull())
    .addColumn('scopes', sql`text[]`, (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    // PKCE verifier and nonce, encrypted; the token cache after the callback, encrypted.
    .addColumn('flow_secrets', 'text', (col) => col.notNull())
    .addColumn('token_cache', 'text')
    .addColumn('account', 'jsonb')
    .addColumn('granted_scopes', sql`text[]`)
    .addColumn('error', 'jsonb')
    .addColumn('code_hash', 'text', (col) => col.unique())
    .addColumn('code_salt', 'text')
    .addColumn('code_key_id', 'text')
    .addColumn('code_expires_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('redeemed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('ms365_attempts_expires_at_idx').on('ms365_attempts').column('expires_at').execute();

  await db.schema
    .createTable('ms365_connections')
    .addColumn('tenant_id', 'uuid', (col) => col.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('account_username', 'text', (col) => col.notNull())
    .addColumn('account_display_name', 'text', (col) => col.notNull())
    .addColumn('microsoft_tenant_id', 'text', (col) => col.notNull())
    .addColumn('home_account_id', 'text', (col) => col.notNull())
    .addColumn('scopes', sql`text[]`, (col) => col.notNull())
    .addColumn('token_cache', 'text', (col) => col.notNull())
    .addColumn('connected_at', 'timestamptz', (col) => col.notNull())
    .addColumn('connected_by', 'text', (col) => col.notNull())
    .addColumn('last_test', 'jsonb')
    .addColumn('last_checked_at', 'timestamptz')
    .addColumn('next_check_at', 'timestamptz')
    .addColumn('last_failure', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('ms365_connections_next_check_idx')
    .on('ms365_connections')
    .column('next_check_at')
    .execute();

  await db.schema
    .createTable('tenant_features')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('feature_id', 'text', (col) => col.notNull())
    .addColumn('enabled', 'boolean', (col) => col.notNull())
    .addColumn('mailbox', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_by', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('tenant_features_pk', ['tenant_id', 'feature_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tenant_features').execute();
  await db.schema.dropTable('ms365_connections').execute();
  await db.schema.dropTable('ms365_attempts').execute();
  await db.schema.alterTable('throttle_counters').renameTo('login_throttle').execute();
}
