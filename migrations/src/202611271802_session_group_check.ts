import { sql, type Kysely } from 'kysely';

/**
 * Sessions keep the ELO ticket of their login (encrypted under the key ring) so that the group membership can be
 * checked again while they live: a user taken out of the group loses the Microsoft 365 rights within minutes,
 * not at the end of the session. Sessions from before this step have no ticket: their membership counts as
 * confirmed at their creation, so it lapses with the usual 15 minutes and they sign in again for the rights.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('elo_ticket', 'text')
    .addColumn('elo_ticket_lifetime_seconds', 'integer')
    .addColumn('membership_checked_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('membership_check_due_at', 'timestamptz')
    .execute();
  await sql`update sessions set membership_checked_at = created_at`.execute(db);
  await db.schema
    .createIndex('sessions_membership_check_due_idx')
    .on('sessions')
    .column('membership_check_due_at')
    .where(sql.ref('membership_check_due_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sessions_membership_check_due_idx').execute();
  await db.schema
    .alterTable('sessions')
    .dropColumn('membership_check_due_at')
    .dropColumn('membership_checked_at')
    .dropColumn('elo_ticket_lifetime_seconds')
    .dropColumn('elo_ticket')
    .execute();
}
