import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** Migration 202612030500: the ledger's German sentences become codes and parameters. */
let database: TestDatabase;
/** The database as it was before 202612030500 (later migrations undone too). */
const beforeTheMigration = () => migrateTo(database.db, '202612020200_api_token_scopes');
beforeAll(async () => {
  database = await createTestDatabase({ poolSize: 1 });
});
afterAll(async () => {
  await database.drop();
});

const rows = async () =>
  (
    await sql<{
      subject: string;
      errorCode: string | null;
      errorParams: unknown;
      skippedCode: string | null;
      skippedParams: unknown;
      notes: unknown;
    }>`select subject, error_code, error_params, skipped_code, skipped_params, notes
       from invoice_import_messages order by subject`.execute(database.db)
  ).rows;

describe('the import ledger keeps problems as code and params (migration 202612030500)', () => {
  it('converts stored German texts to params where a template fits, and to recorded_text where none does', async () => {
    await beforeTheMigration();
    const { rows: tenants } = await sql<{ id: string }>`insert into tenants (slug, name, elo_ix_url)
      values ('migration-kunde', 'Kunde', 'https://elo.example/ix-Archiv/') returning id`.execute(database.db);
    const tenantId = tenants[0]!.id;
    const mail = (subject: string, columns: Record<string, string | null>) =>
      sql`
      insert into invoice_import_messages (tenant_id, mailbox, graph_id, received_at, from_address, from_name, subject,
        state, next_attempt_at, created_at, updated_at, error_code, error_message, skipped_code, skipped_message, notes)
      values (${tenantId}, 'rechnungen@example.com', ${subject}, now(), 'a@example.com', 'A', ${subject}, 'failed',
        now(), now(), now(), ${columns.errorCode ?? null}, ${columns.errorMessage ?? null}, ${columns.skippedCode ?? null},
        ${columns.skippedMessage ?? null}, ${columns.notes ?? '[]'}::jsonb)`.execute(database.db);
    await mail('a', {
      errorCode: 'elo_rejected',
      errorMessage: 'ELO hat das Dokument abgelehnt: Feld RE_NUMMER zu lang',
      notes: JSON.stringify([
        { code: 'attachment_inline', message: 'logo.png: Eingebettetes Bild – nicht übernommen.' },
      ]),
    });
    await mail('b', { errorCode: 'elo_unreachable', errorMessage: 'ELO ist gerade nicht erreichbar.' });
    await mail('c', { errorCode: 'elo_rejected', errorMessage: 'Ein Text von früher' });
    await mail('d', { skippedCode: 'no_attachment', skippedMessage: 'Die E-Mail hat keinen Anhang.' });
    await sql`insert into invoice_import_mailboxes (tenant_id, mailbox, attention_code, attention_message)
      values (${tenantId}, 'rechnungen@example.com', 'mailbox_access_denied',
        'Das verbundene Microsoft-365-Konto hat keinen Zugriff auf das Postfach rechnungen@example.com. Bitte Vollzugriff erteilen lassen.')`.execute(
      database.db,
    );

    await migrateToLatest(database.db);

    const [a, b, c, d] = await rows();
    expect(a).toMatchObject({
      errorCode: 'elo_rejected',
      errorParams: { detail: 'Feld RE_NUMMER zu lang' },
      notes: [
        {
          code: 'attachment_inline',
          messageCode: 'import.recorded_text',
          params: { text: 'logo.png: Eingebettetes Bild – nicht übernommen.' },
        },
      ],
    });
    expect(b).toMatchObject({ errorCode: 'elo_unreachable', errorParams: {} });
    expect(c).toMatchObject({ errorCode: 'recorded_text', errorParams: { text: 'Ein Text von früher' } });
    expect(d).toMatchObject({ errorCode: null, errorParams: null, skippedCode: 'no_attachment', skippedParams: {} });
    const { rows: mailboxes } = await sql<{ attentionCode: string; attentionParams: unknown }>`
      select attention_code, attention_params from invoice_import_mailboxes`.execute(database.db);
    expect(mailboxes).toEqual([
      { attentionCode: 'mailbox_access_denied', attentionParams: { mailbox: 'rechnungen@example.com' } },
    ]);
  });

  it('goes back to sentences and forward again', async () => {
    await beforeTheMigration();
    const { rows: back } = await sql<{ errorMessage: string | null }>`
      select error_message from invoice_import_messages order by subject`.execute(database.db);
    expect(back.map((row) => row.errorMessage)).toEqual([
      'elo_rejected',
      'elo_unreachable',
      'Ein Text von früher',
      null,
    ]);
    await migrateToLatest(database.db);
    expect((await rows()).map((row) => row.errorCode)).toEqual([
      'recorded_text',
      'elo_unreachable',
      'recorded_text',
      null,
    ]);
  });
});
