import { sql, type Kysely } from 'kysely';

/**
 * Events and their delivery (issue "Integrations"): the transactional outbox of events, numbered per tenant in
 * commit order; webhooks with their delivery log; the notification mails (support mail, customer notices) as a
 * mail outbox; the customer's notification address.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per tenant, locked by every transaction that writes an event: the tenant's events are numbered in
  // the order their transactions commit, so "in order per tenant" has one meaning.
  await db.schema
    .createTable('event_sequences')
    .addColumn('tenant_id', 'uuid', (col) => col.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('last_seq', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('outbox_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('tenant_seq', 'bigint', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('data', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    // Set when the relay has handed the event to its channels (webhook deliveries, notification mails).
    .addColumn('dispatched_at', 'timestamptz')
    .addUniqueConstraint('outbox_events_tenant_seq_key', ['tenant_id', 'tenant_seq'])
    .execute();
  await sql`create index outbox_events_undispatched_idx on outbox_events (tenant_id, tenant_seq)
    where dispatched_at is null`.execute(db);
  await db.schema.createIndex('outbox_events_created_at_idx').on('outbox_events').column('created_at').execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('events', sql`text[]`, (col) => col.notNull())
    .addColumn('description', 'text')
    // The whsec_ signing secret, encrypted under the key ring (context webhooks:<id>).
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('webhooks_tenant_idx').on('webhooks').column('tenant_id').execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('webhook_id', 'uuid', (col) => col.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (col) => col.notNull().references('outbox_events.id').onDelete('cascade'))
    .addColumn('event_type', 'text', (col) => col.notNull())
    .addColumn('event_seq', 'bigint', (col) => col.notNull())
    .addColumn('is_test', 'boolean', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('response_status', 'integer')
    .addColumn('duration_ms', 'integer')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addUniqueConstraint('webhook_deliveries_event_key', ['webhook_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_queue_idx')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'status', 'event_seq'])
    .execute();
  await sql`create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at)
    where status = 'pending'`.execute(db);

  await db.schema
    .createTable('notification_settings')
    .addColumn('tenant_id', 'uuid', (col) => col.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('email', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_by', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('notification_mails')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
    // support:<tenant>:<set-up>, notice:<tenant>:<kind>:<day>: a second insert for the same key does nothing.
    .addColumn('dedupe_key', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull())
    // Null: SUPPORT_EMAIL at sending time.
    .addColumn('recipient', 'text')
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create index notification_mails_due_idx on notification_mails (next_attempt_at)
    where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_mails').execute();
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhooks').execute();
  await db.schema.dropTable('outbox_events').execute();
  await db.schema.dropTable('event_sequences').execute();
}
