import { sql, type Kysely } from 'kysely';

/**
 * Scoped API tokens (SPEC §10): `scopes` null for tokens made before scopes existed (they keep ms365:read and
 * ms365:write); the creator's group membership re-checked against ELO (`group_checked_at`), and a token whose
 * creator left the group revoked (`revoked_at`, `revoked_reason`) rather than deleted, so the portal can say why.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scopes', sql`text[]`)
    .addColumn('group_checked_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_reason', 'text')
    .execute();
  await sql`alter table api_tokens add constraint api_tokens_scopes_known check (scopes <@ array['ms365:read','ms365:write','ms365:token','imports:read','imports:write','webhooks:write']::text[])`.execute(
    db,
  );
  // The re-check job looks for live tokens by when they were last checked.
  await db.schema
    .createIndex('api_tokens_group_check_idx')
    .on('api_tokens')
    .columns(['group_checked_at'])
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('api_tokens_group_check_idx').execute();
  await db.schema.alterTable('api_tokens').dropConstraint('api_tokens_scopes_known').execute();
  await db.schema
    .alterTable('api_tokens')
    .dropColumn('scopes')
    .dropColumn('group_checked_at')
    .dropColumn('revoked_at')
    .dropColumn('revoked_reason')
    .execute();
}
