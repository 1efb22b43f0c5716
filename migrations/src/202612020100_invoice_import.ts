import { sql, type Kysely } from 'kysely';

/**
 * The invoice mail import's ledger (SPEC §9): the settings beyond on/off and mailbox (those stay in
 * tenant_features, where the connection test reads them), one row per mailbox with its delta cursor and round
 * lease, one row per mail (its state machine) and one per document with a unique import key — the key that is also
 * written into ELO and looked up there before every check-in, so nothing is filed twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invoice_import_settings')
    .addColumn('tenant_id', 'uuid', (col) => col.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('elo_folder', 'text')
    .addColumn('elo_mask', 'text')
    .addColumn('after_import', 'text')
    // Set when the import is first enabled (SPEC: no history import by surprise) or by the customer.
    .addColumn('import_from', 'timestamptz')
    .addColumn('content', 'text')
    .addColumn('include_inline', 'boolean')
    .addColumn('elo_fields', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('elo_mask_used', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('invoice_import_mailboxes')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('mailbox', 'text', (col) => col.notNull())
    // The whole link to resume with: a nextLink while a round is under way, else the last deltaLink.
    .addColumn('delta_link', 'text')
    .addColumn('imported_folder_id', 'text')
    .addColumn('failed_folder_id', 'text')
    // One round per mailbox across replicas: a round holds the lease and renews it while it works.
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('run_requested_at', 'timestamptz')
    .addColumn('last_run_at', 'timestamptz')
    .addColumn('next_run_at', 'timestamptz')
    // A problem that stops the whole import (connection revoked, ELO account refused): state needs_attention.
    .addColumn('attention_code', 'text')
    .addColumn('attention_message', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_message', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('invoice_import_mailboxes_pkey', ['tenant_id', 'mailbox'])
    .execute();

  await db.schema
    .createTable('invoice_import_messages')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('mailbox', 'text', (col) => col.notNull())
    // Graph's immutable id (every call sends Prefer: IdType="ImmutableId"): the same across moves.
    .addColumn('graph_id', 'text', (col) => col.notNull())
    .addColumn('internet_message_id', 'text')
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .addColumn('from_address', 'text', (col) => col.notNull())
    .addColumn('from_name', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) =>
      col.notNull().check(sql`state in ('pending','fetched','filing','filed','done','failed','skipped')`),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('skipped_code', 'text')
    .addColumn('skipped_message', 'text')
    // What the activity list says beside the documents: skipped attachments, left-out index fields, notes.
    .addColumn('notes', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    // Where the mail was moved to after import or failure (afterImport "move"); null: still in the Inbox.
    .addColumn('mailbox_action', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addUniqueConstraint('invoice_import_messages_graph_key', ['tenant_id', 'mailbox', 'graph_id'])
    .execute();
  await sql`create index invoice_import_messages_list_idx
    on invoice_import_messages (tenant_id, received_at desc, id desc)`.execute(db);
  await sql`create index invoice_import_messages_due_idx
    on invoice_import_messages (tenant_id, mailbox, next_attempt_at)
    where state in ('pending','fetched','filing','filed')`.execute(db);

  await db.schema
    .createTable('invoice_import_documents')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('message_id', 'uuid', (col) =>
      col.notNull().references('invoice_import_messages.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    // hex(sha256(mailbox, immutable message id, attachment key, content sha256)): also in ELO's index field.
    // Unique per tenant: two tenants may import one shared mailbox (each into its own ELO).
    .addColumn('import_key', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('size', 'bigint', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('einvoice', 'jsonb')
    .addColumn('elo_obj_id', 'text')
    .addColumn('elo_path', 'text')
    .addColumn('elo_mask', 'text')
    .addColumn('omitted_fields', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('filed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addUniqueConstraint('invoice_import_documents_key_unique', ['tenant_id', 'import_key'])
    .execute();
  await db.schema
    .createIndex('invoice_import_documents_message_idx')
    .on('invoice_import_documents')
    .columns(['message_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('invoice_import_documents').execute();
  await db.schema.dropTable('invoice_import_messages').execute();
  await db.schema.dropTable('invoice_import_mailboxes').execute();
  await db.schema.dropTable('invoice_import_settings').execute();
}
