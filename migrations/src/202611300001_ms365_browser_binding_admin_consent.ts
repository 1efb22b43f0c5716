import type { Kysely } from 'kysely';

/**
 * Issue 9: an attempt started with an API token belongs to the first browser that opens its connector link
 * (the hash of a random cookie value), and the state of an admin-consent link is a random value bound here and
 * checked when the administrator comes back (days later, possibly: it outlives the attempt).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ms365_attempts').addColumn('browser_binding_hash', 'text').execute();

  await db.schema
    .createTable('ms365_admin_consents')
    .addColumn('state_hash', 'text', (col) => col.primaryKey())
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
    // The ELO user whose sign-in needed the consent (for the audit trail).
    .addColumn('requested_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema
    .createIndex('ms365_admin_consents_expires_at_idx')
    .on('ms365_admin_consents')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ms365_admin_consents').execute();
  await db.schema.alterTable('ms365_attempts').dropColumn('browser_binding_hash').execute();
}
