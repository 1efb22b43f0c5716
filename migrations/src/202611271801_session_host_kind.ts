import { sql, type Kysely } from 'kysely';

/**
 * A session belongs to the kind of host it was created on: its tenant's `<slug>.<base-domain>`, the shared
 * `selfhost.<base-domain>`, or the default host (only for the default tenant). Sessions from before this step
 * were almost all made on tenant hosts; any other is simply not accepted any more and its user signs in again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('host_kind', 'text', (col) =>
      col
        .notNull()
        .defaultTo('tenant')
        .check(sql`host_kind in ('tenant', 'selfhost', 'default')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('host_kind').execute();
}
