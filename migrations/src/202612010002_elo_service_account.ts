import { sql, type Kysely } from 'kysely';

/**
 * The tenant's technical ELO account for the invoice import (SPEC §9 "ELO side"): set by ops with the CLI, the
 * password encrypted under the key ring (AES-256-GCM, bound to the tenant). One per tenant; gone with the tenant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('elo_service_accounts')
    .addColumn('tenant_id', 'uuid', (col) => col.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('user_name', 'text', (col) => col.notNull().check(sql`length(user_name) between 1 and 255`))
    .addColumn('password_ciphertext', 'text', (col) => col.notNull().check(sql`password_ciphertext like 'enc1:%'`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('elo_service_accounts').execute();
}
