import type { Kysely } from 'kysely';

/**
 * The callback claims its attempt before it redeems Microsoft's authorization code: of two callbacks with the
 * same state (a reload, a double navigation) only the first talks to Microsoft; the other just shows the result.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ms365_attempts').addColumn('callback_claimed_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ms365_attempts').dropColumn('callback_claimed_at').execute();
}
